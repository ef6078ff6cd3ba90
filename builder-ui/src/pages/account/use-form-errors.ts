import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api';

/** Field errors plus one for the whole form. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

/** Puts each server field issue next to its field (by the last path segment); the rest on top. */
export function toFormErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  if (error instanceof ApiError && error.fieldIssues.length > 0) {
    for (const issue of error.fieldIssues) {
      const last = issue.path.split('.').at(-1);
      const field = fields.find((name) => name === last);
      if (field) errors[field] ??= issue.message;
      else errors.form ??= issue.message;
    }
    return errors;
  }
  errors.form = describeError(error);
  return errors;
}

/**
 * Errors of a form and where focus goes after a failed submit: the first field in error, else
 * the form's alert. `refs` holds the inputs by field name.
 */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const [attempt, setAttempt] = useState(0);
  const refs = useRef<Partial<Record<F, HTMLInputElement | null>>>({});
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const field = fields.find((name) => errors[name]);
    if (field) refs.current[field]?.focus();
    else if (errors.form) alertRef.current?.focus();
  }, [attempt]);

  const fail = (next: FormErrors<F>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  const refFor = (field: F) => (element: HTMLInputElement | null) => {
    refs.current[field] = element;
  };
  return { errors, setErrors, fail, refFor, alertRef };
}

export const hasErrors = (errors: object): boolean => Object.keys(errors).length > 0;

/** What the browser can tell about an email address before a round trip. */
export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return 'Enter a valid email address.';
  return undefined;
}

/** The server's rule for new passwords (10–200 characters). */
export function passwordProblem(password: string): string | undefined {
  if (!password) return 'Choose a password.';
  if (password.length < 10) return 'Use at least 10 characters.';
  if (password.length > 200) return 'Use at most 200 characters.';
  return undefined;
}
