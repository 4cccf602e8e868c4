/**
 * Names as the project's messages print them. The one place control and bidirectional-override
 * characters in a file name are escaped, for ingest's report and the registry's problems alike.
 */

/**
 * A file or entry name as the report prints it: on one line and read as written, whatever the
 * file is called. A newline in a name would start a line of its own (and could forge a
 * `written …` line); control and bidirectional-override characters are shown as escapes.
 */
export function shownName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
