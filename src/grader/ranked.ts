/**
 * Space-separated prediction lists as MLE-bench's MAP@k graders read them:
 * `column.astype(str).str.split(" ")`. Missing cells become the token "nan", numbers their Python
 * text ("36363", "36363.0"), and doubled or leading spaces give empty tokens that take a rank.
 */
import type { Column } from "../table/column.js";

export function spaceSeparatedLists(column: Column): string[][] {
  return column.toStrings().map((text) => text.split(" "));
}
