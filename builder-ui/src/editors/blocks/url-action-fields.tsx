import { CheckboxField, TextInput } from '../../components/edit-fields';

interface UrlAction {
  url: string;
  newTab: boolean;
}

interface UrlActionFieldsProps<A extends UrlAction> {
  id: string;
  /** The URL box's label: "URL", "Page URL". */
  label: string;
  action: A;
  onChange: (action: A) => void;
  error: string | undefined;
  readOnly: boolean;
  required?: boolean;
}

/** An "open a URL" action's two details: the address, and whether it opens in a new tab. */
export function UrlActionFields<A extends UrlAction>(props: UrlActionFieldsProps<A>) {
  const { id, action, onChange, readOnly } = props;
  return (
    <>
      <TextInput
        id={`${id}-url`}
        label={props.label}
        type="url"
        value={action.url}
        placeholder="https://"
        {...(props.required ? { required: true } : {})}
        disabled={readOnly}
        error={props.error}
        onChange={(url) => onChange({ ...action, url })}
      />
      <CheckboxField
        id={`${id}-new-tab`}
        label="Open in a new tab"
        checked={action.newTab}
        disabled={readOnly}
        onChange={(newTab) => onChange({ ...action, newTab })}
      />
    </>
  );
}
