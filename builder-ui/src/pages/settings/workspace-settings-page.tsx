import type { Workspace } from '@waymark/shared';
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getWorkspace, updateWorkspace } from '../../api/settings';
import { demoAppUrl, rememberAppUrl } from '../../api/workspace';
import { InputField } from '../../components/input-field';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { toFormErrors, useFormErrors } from '../account/use-form-errors';
import { IdentityVerification } from './identity-verification';
import { ReadOnlyNote, SettingsFrame } from './settings-frame';

const FIELDS = ['name', 'appUrl', 'eventRetentionDays'] as const;

/** The workspace's name, the customer's app URL, event retention and identity verification. */
export function WorkspaceSettingsPage(_props: PageProps) {
  const { api, workspace } = useWorkspace();
  const owner = useCan('owner');
  const { load, reload, set } = useLoad(
    (signal) => getWorkspace(api, workspace.id, signal),
    [api, workspace.id],
  );
  return (
    <SettingsFrame
      title="Workspace"
      lede="The workspace’s name, where your app lives, and how user identities are verified."
    >
      {!owner && <ReadOnlyNote>Only owners can change these settings.</ReadOnlyNote>}
      <LoadView load={load} what="the workspace" onRetry={reload}>
        {(settings) => (
          <>
            <GeneralForm key={settings.id} settings={settings} readOnly={!owner} onSaved={set} />
            <IdentityVerification settings={settings} readOnly={!owner} onSaved={set} />
          </>
        )}
      </LoadView>
    </SettingsFrame>
  );
}

interface FormProps {
  settings: Workspace;
  readOnly: boolean;
  onSaved: (workspace: Workspace) => void;
}

function GeneralForm({ settings, readOnly, onSaved }: FormProps) {
  const { api, refreshMe } = useWorkspace();
  const [name, setName] = useState(settings.name);
  const [appUrl, setAppUrl] = useState(settings.appUrl ?? '');
  const [retention, setRetention] = useState(retentionText(settings.eventRetentionDays));
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState('');
  const { errors, setErrors, fail, refFor, alertRef } = useFormErrors(FIELDS);
  const dirty =
    name !== settings.name ||
    appUrl.trim() !== (settings.appUrl ?? '') ||
    retention.trim() !== retentionText(settings.eventRetentionDays);

  // Unsaved changes: the browser asks before the tab closes or reloads.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || readOnly) return;
    if (!name.trim()) return fail({ name: 'Enter a name.' });
    const url = appUrl.trim();
    if (url && !/^https?:\/\/\S+$/i.test(url)) {
      return fail({ appUrl: 'Enter a full address starting with https:// (or http://).' });
    }
    const days = retention.trim() === '' ? null : Number(retention.trim());
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 36_500)) {
      return fail({ eventRetentionDays: 'Enter whole days from 1 to 36500, or leave it empty.' });
    }
    setPending(true);
    setErrors({});
    setSaved('');
    try {
      const updated = await updateWorkspace(api, settings.id, {
        name: name.trim(),
        appUrl: url || null,
        eventRetentionDays: days,
      });
      rememberAppUrl(updated);
      onSaved(updated);
      setSaved('Saved.');
      if (updated.name !== settings.name) await refreshMe();
    } catch (error) {
      fail(toFormErrors(error, FIELDS));
    } finally {
      setPending(false);
    }
  };

  return (
    <form class="settings-form" noValidate onSubmit={onSubmit} aria-labelledby="general-title">
      <h3 id="general-title" class="settings-subtitle">
        General
      </h3>
      {errors.form && (
        <div class="alert" role="alert" tabIndex={-1} ref={alertRef}>
          {errors.form}
        </div>
      )}
      <InputField
        id="name"
        label="Workspace name"
        value={name}
        onValue={setName}
        error={errors.name}
        readOnly={readOnly}
        disabled={pending}
        inputRef={refFor('name')}
      />
      <InputField
        id="appUrl"
        label="Your app’s URL"
        type="url"
        value={appUrl}
        onValue={setAppUrl}
        placeholder="https://app.example.com/"
        hint={
          <>
            The element picker and draft previews open this page. Empty: the demo app (
            {demoAppUrl()}).
          </>
        }
        error={errors.appUrl}
        readOnly={readOnly}
        disabled={pending}
        inputRef={refFor('appUrl')}
      />
      <InputField
        id="eventRetentionDays"
        label="Keep events for (days)"
        type="number"
        value={retention}
        onValue={setRetention}
        placeholder="Forever"
        hint="Empty keeps every event. Older events are deleted within six hours; segments, goals and journeys then no longer see them."
        error={errors.eventRetentionDays}
        readOnly={readOnly}
        disabled={pending}
        inputRef={refFor('eventRetentionDays')}
      />
      {!readOnly && (
        <div class="form-actions">
          <button type="submit" class="button button-primary" aria-disabled={pending || !dirty}>
            {pending ? 'Saving…' : 'Save changes'}
          </button>
          <span class="muted" role="status">
            {saved && !dirty ? saved : ''}
          </span>
        </div>
      )}
    </form>
  );
}

const retentionText = (days: number | null): string => (days === null ? '' : String(days));
