import { engage } from './focus';
import { ConfettiView, confettiCss } from './confetti.view';
import { StepCard, stepLabel, type FlowView } from './step-card.view';

/**
 * A `modal` step: backdrop, blocking (focus in, Tab trapped, Esc anywhere); a `slideout`: a
 * corner panel, blocking only with a backdrop; any other step (`center`): a tooltip whose target
 * is missing in a preview. Remounted for every drawn step; a ref callback with cleanup is all the
 * lifecycle it needs.
 */
export function DialogView({ view }: { view: FlowView }) {
  const { step } = view;
  const mode = step.type === 'modal' || step.type === 'slideout' ? step.type : 'center';
  const dimmed = mode !== 'slideout' || step.backdrop;
  const blocking = mode === 'modal' || (mode === 'slideout' && step.backdrop);
  const size = mode === 'modal' ? (step.modal?.size ?? 'medium') : '';
  const corner = mode === 'slideout' ? `slide ${step.slideout?.position ?? ''}` : '';
  const body = (
    <div
      ref={(card) =>
        card ? engage(card, blocking, () => view.act({ type: 'dismiss' })) : undefined
      }
      class={`card ${size} ${corner}`}
      role="dialog"
      aria-modal={blocking ? 'true' : undefined}
      tabIndex={-1}
      {...stepLabel(view)}
    >
      {step.modal?.celebrate && <ConfettiView />}
      <StepCard view={view} />
    </div>
  );
  return dimmed ? <div class="back">{body}</div> : body;
}

/** Modal, slideout and confetti styles. */
export const dialogCss =
  '.back{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;padding:16px;background:#0f172a73}' +
  '.back>.card{position:relative;max-width:min(440px,100%);max-height:calc(100vh - 32px);overflow:auto;padding:24px}' +
  '.back>.small{max-width:min(340px,100%)}.back>.large{max-width:min(640px,100%)}' +
  '.back>.slide{position:fixed;padding:16px}' +
  '.slide{top:auto;left:auto;bottom:20px;inset-inline-end:20px;max-width:min(380px,calc(100vw - 40px));animation:wm-slide .25s}' +
  '.bottom-left,.top-left{inset-inline:20px auto}.top-right,.top-left{top:20px;bottom:auto}' +
  '@keyframes wm-slide{from{transform:translateY(16px);opacity:.6}}' +
  confettiCss;
