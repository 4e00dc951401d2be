/**
 * Go's strconv.Atoi on text, as flyctl reads a text integer (its castToInt patch for ports, and
 * helpers.ParseSize for sizes): decimal digits with an optional sign, nothing else — no spaces, no 0x,
 * no exponent, no fraction. Undefined for anything Atoi refuses.
 */
export function goAtoi(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}
