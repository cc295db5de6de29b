/** Per-class precision, recall and F1, and their unweighted mean over the classes (macro-F1). */
export interface ClassScores {
  label: string
  precision: number
  recall: number
  f1: number
  support: number
}

export function macroF1<L extends string>(
  labels: readonly L[],
  pairs: readonly { expected: L; predicted: L }[],
): { macroF1: number; perClass: ClassScores[] } {
  const perClass = labels.map((label): ClassScores => {
    let truePositive = 0
    let predicted = 0
    let support = 0
    for (const p of pairs) {
      if (p.predicted === label) predicted++
      if (p.expected === label) support++
      if (p.predicted === label && p.expected === label) truePositive++
    }
    const precision = predicted === 0 ? 0 : truePositive / predicted
    const recall = support === 0 ? 0 : truePositive / support
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { label, precision, recall, f1, support }
  })
  return { macroF1: perClass.reduce((sum, c) => sum + c.f1, 0) / labels.length, perClass }
}
