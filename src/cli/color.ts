/** Whether `stream` should get colour (a TTY, and `NO_COLOR` unset); `flag` (`--color`, `--no-color`) wins. */
export function wantsColor(stream: NodeJS.WriteStream, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env);
}
