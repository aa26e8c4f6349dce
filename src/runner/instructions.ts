/**
 * What the agent finds in its container besides the data: the instructions file and a helper
 * script that asks the validation server whether a submission is valid. Both say the same things
 * as MLE-bench's (paths, the validation endpoint), in our own words.
 */

export const AGENT_PATHS = {
  data: "/home/data",
  submission: "/home/submission",
  logs: "/home/logs",
  code: "/home/code",
  instructions: "/home/instructions.txt",
  validateScript: "/home/validate_submission.sh",
} as const;

export const VALIDATION_PORT = 5000;
export const VALIDATION_URL = `http://localhost:${VALIDATION_PORT}/validate`;

export function instructionsText(competitionId: string, timeLimitSeconds: number): string {
  const hours = timeLimitSeconds / 3600;
  const limit = hours >= 1 ? `${Number(hours.toFixed(2))} hour${hours === 1 ? "" : "s"}` : `${Math.round(timeLimitSeconds / 60)} minutes`;
  return `You are taking part in an offline machine-learning competition (${competitionId}), graded as MLE-bench grades it.

Your task: train a model on the data provided and use it to predict the test set. Hand-labelling the test data is not allowed.

Where things are:
- ${AGENT_PATHS.data}/: the competition's files; ${AGENT_PATHS.data}/description.md describes the task and the submission format.
- ${AGENT_PATHS.submission}/submission.csv: where your final submission must be written. Only this file is graded.
- ${AGENT_PATHS.logs}/ and ${AGENT_PATHS.code}/: keep your logs and code here; they are collected with the submission.

Checking a submission: POST it to ${VALIDATION_URL} (multipart form field "file"), for example
  curl -X POST -F "file=@${AGENT_PATHS.submission}/submission.csv" ${VALIDATION_URL}
or run ${AGENT_PATHS.validateScript} FILE. The answer says whether the file is valid; it never gives a score.

The train/test split was made for this benchmark, so the data may differ a little from the competition's description; where these instructions and description.md disagree, these instructions win.

Time limit: ${limit} of wall-clock time. When it runs out the container is stopped; only what is in ${AGENT_PATHS.submission}/ by then counts.
`;
}

/** A POSIX shell helper: curl when the image has it, else wget or busybox wget with a hand-built multipart body. */
export const VALIDATE_SCRIPT = `#!/bin/sh
# Asks the validation server whether a submission file is valid: validate_submission.sh FILE
FILE="$1"
URL="${VALIDATION_URL}"
if [ -z "$FILE" ]; then echo "usage: $0 submission.csv" >&2; exit 1; fi
if [ ! -f "$FILE" ]; then echo "no such file: $FILE" >&2; exit 1; fi
if command -v curl >/dev/null 2>&1; then exec curl -s -X POST -F "file=@$FILE" "$URL"; fi
BOUNDARY="mlegrade$$"
BODY="\${TMPDIR:-/tmp}/validate-$$.body"
{
  printf -- '--%s\\r\\nContent-Disposition: form-data; name="file"; filename="submission.csv"\\r\\nContent-Type: text/csv\\r\\n\\r\\n' "$BOUNDARY"
  cat "$FILE"
  printf -- '\\r\\n--%s--\\r\\n' "$BOUNDARY"
} > "$BODY"
wget -q -O - --header "Content-Type: multipart/form-data; boundary=$BOUNDARY" --post-file "$BODY" "$URL"
STATUS=$?
rm -f "$BODY"
exit $STATUS
`;
