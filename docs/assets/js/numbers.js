// Säljkompetens: numbers as Swedish readers write them (decimal comma, a true minus sign), one
// place for every view.

/** A number with a decimal comma and a minus sign: "3,5", "−7,5". */
export function decimal(value) {
  return String(value).replace(".", ",").replace("-", "−");
}

/** A difference with its sign: "+13", "+3,5", "−35", "±0"; "–" when there is none. */
export function signed(value) {
  if (value === null || value === undefined) return "–";
  return value > 0 ? `+${decimal(value)}` : value < 0 ? decimal(value) : "±0";
}
