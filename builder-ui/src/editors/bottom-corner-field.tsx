import { SelectField } from '../components/edit-fields';

/** The corners a launcher, a survey or a checklist's launcher can sit in. */
export type BottomCorner = 'bottom-right' | 'bottom-left';

const CORNERS: readonly { value: BottomCorner; label: string }[] = [
  { value: 'bottom-right', label: 'Bottom right' },
  { value: 'bottom-left', label: 'Bottom left' },
];

interface BottomCornerFieldProps {
  id: string;
  value: BottomCorner;
  onChange: (corner: BottomCorner) => void;
  disabled: boolean;
  hint?: string;
}

/** "Corner": which bottom corner of the page the surface sits in. */
export function BottomCornerField(props: BottomCornerFieldProps) {
  return <SelectField<BottomCorner> {...props} label="Corner" options={CORNERS} />;
}
