/**
 * Where a survey branch goes to finish: the thank-you step, then completion. Kept apart from
 * the schema module so the widget can import it without pulling zod into its bundle.
 */
export const SURVEY_END = 'end';
