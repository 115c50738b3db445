/**
 * When output gets colour, as Node itself and most tools decide: the
 * `--color` / `--no-color` flag wins; then `FORCE_COLOR` (`0` or `false`
 * turns colour off, any other value on, even into a pipe); then `NO_COLOR`
 * (any value but the empty string turns it off, see no-color.org); else
 * colour only on a terminal that is not `TERM=dumb`.
 */
export function wantsColor(stream: NodeJS.WriteStream, flag?: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
