// A labelled <select> filter over named things (outlets, entities, companies), with a first
// option meaning "no filter".
export function ChoiceFilter({
  label,
  name,
  value,
  empty,
  choices,
}: {
  label: string
  name: string
  value: string | undefined
  empty: string
  choices: { id: string; name: string }[]
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{empty}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  )
}

// A pair of day inputs, "from" and "to", both included.
export function DateRangeFilter({
  fromLabel = 'From',
  toLabel = 'To',
  from,
  to,
}: {
  fromLabel?: string
  toLabel?: string
  from: string | undefined
  to: string | undefined
}) {
  return (
    <>
      <label>
        {fromLabel}
        <input name="from" type="date" defaultValue={from ?? ''} />
      </label>
      <label>
        {toLabel}
        <input name="to" type="date" defaultValue={to ?? ''} />
      </label>
    </>
  )
}
