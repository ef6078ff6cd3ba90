import type { ComponentChildren, Ref, TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { hasErrors, toFormErrors, useFormErrors, type FormErrors } from './use-form-errors';

interface AccountFormOptions<F extends string> {
  /** What the browser can tell before a round trip; an empty object lets the form submit. */
  check: () => FormErrors<F>;
  /** The round trip and what follows success (navigate, show a notice). */
  submit: () => Promise<void>;
  /** Handles a failure itself and returns true (e.g. an expired token); else the errors show. */
  handleError?: (error: unknown) => boolean;
}

/** What an input of an account form takes from the form: spread into `InputField`. */
export interface AccountFieldProps {
  id: string;
  error: string | undefined;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
}

export interface AccountFormState<F extends string> {
  errors: FormErrors<F>;
  pending: boolean;
  alertRef: Ref<HTMLDivElement>;
  onSubmit: (event: TargetedSubmitEvent<HTMLFormElement>) => Promise<void>;
  field: (name: F) => AccountFieldProps;
}

/**
 * The submit cycle every signed-out form shares: check locally, one request at a time, server
 * field issues beside their fields, focus on the first thing to fix (see useFormErrors).
 */
export function useAccountForm<F extends string>(
  fields: readonly F[],
  { check, submit, handleError }: AccountFormOptions<F>,
): AccountFormState<F> {
  const [pending, setPending] = useState(false);
  const { errors, setErrors, fail, refFor, alertRef } = useFormErrors(fields);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const local = check();
    if (hasErrors(local)) return fail(local);
    setPending(true);
    setErrors({});
    try {
      await submit();
    } catch (error) {
      if (!handleError?.(error)) fail(toFormErrors(error, fields));
    } finally {
      setPending(false);
    }
  };

  const field = (name: F): AccountFieldProps => ({
    id: name,
    error: errors[name],
    disabled: pending,
    inputRef: refFor(name),
  });
  return { errors, pending, alertRef, onSubmit, field };
}

interface AccountFormProps<F extends string> {
  form: AccountFormState<F>;
  submitLabel: string;
  /** The button's text while the request runs, e.g. "Saving…". */
  pendingLabel: string;
  children: ComponentChildren;
}

/** The form of a signed-out page: its alert on top, the fields, one full-width submit button. */
export function AccountForm<F extends string>(props: AccountFormProps<F>) {
  const { form, submitLabel, pendingLabel, children } = props;
  return (
    <form class="login-form" noValidate onSubmit={form.onSubmit}>
      {form.errors.form && (
        <div class="alert" role="alert" tabIndex={-1} ref={form.alertRef}>
          {form.errors.form}
        </div>
      )}
      {children}
      <button type="submit" class="button button-primary button-block" aria-disabled={form.pending}>
        {form.pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
