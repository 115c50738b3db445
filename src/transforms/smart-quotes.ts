/**
 * Which straight quotes of a run of text open, close or are apostrophes,
 * as Pandoc's `smart` extension decides: a quote opens after the start, a
 * space or an opening bracket when text follows, and closes after text
 * (`a 5" screen` gets a closing quote, as in Pandoc); a `'` between letters
 * is an apostrophe, and so is one that opens and is never closed
 * (`'90s`, `the students' work`). Pure: a string in, decisions out.
 */

/** How the quote at an index of the text is shown. */
export type QuoteRole = 'open-double' | 'close-double' | 'open-single' | 'close-single' | 'apostrophe';

/** The quote characters of a language. */
export interface QuoteStyle {
  openDouble: string;
  closeDouble: string;
  openSingle: string;
  closeSingle: string;
}

const styles: Record<string, QuoteStyle> = {
  en: { openDouble: '“', closeDouble: '”', openSingle: '‘', closeSingle: '’' },
  de: { openDouble: '„', closeDouble: '“', openSingle: '‚', closeSingle: '‘' },
  // French quotes hold a narrow no-break space on the inside.
  fr: { openDouble: '«\u202f', closeDouble: '\u202f»', openSingle: '‹\u202f', closeSingle: '\u202f›' },
};

/** The quote style for a BCP 47 language tag (`de-AT` → German); English for the rest. */
export function quoteStyle(lang: string | undefined): QuoteStyle {
  const primary = (lang ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return styles[primary] ?? styles.en!;
}

const opensAfter = /[\s([{\u2013\u2014/-]/;

/** The role of each quote in `text`, by index; quotes left straight are absent. */
export function quoteRoles(text: string, skip: ReadonlySet<number>): Map<number, QuoteRole> {
  const roles = new Map<number, QuoteRole>();
  const open: Array<{ index: number; quote: '"' | "'" }> = [];
  for (let index = 0; index < text.length; index++) {
    const quote = text[index];
    if ((quote !== '"' && quote !== "'") || skip.has(index)) continue;
    const before = index === 0 ? ' ' : text[index - 1]!;
    const after = index + 1 >= text.length ? ' ' : text[index + 1]!;
    const canOpen = (opensAfter.test(before) || open.some((item) => item.index === index - 1)) && !/\s/.test(after);
    const canClose = !/\s/.test(before);
    if (quote === "'" && /[\p{L}\p{N}]/u.test(before) && /\p{L}/u.test(after)) {
      roles.set(index, 'apostrophe');
    } else if (quote === '"' && !canOpen && !open.some((item) => item.quote === quote)) {
      roles.set(index, 'close-double');
    } else if (canClose && open.some((item) => item.quote === quote)) {
      while (open.at(-1)?.quote !== quote) open.pop();
      const opener = open.pop()!;
      roles.set(opener.index, quote === '"' ? 'open-double' : 'open-single');
      roles.set(index, quote === '"' ? 'close-double' : 'close-single');
    } else if (canOpen) {
      open.push({ index, quote });
    } else if (quote === "'") {
      roles.set(index, 'apostrophe');
    }
  }
  // Quotes opened and never closed: a single one is an apostrophe (`'90s`), a double one still opens.
  for (const item of open) roles.set(item.index, item.quote === "'" ? 'apostrophe' : 'open-double');
  return roles;
}

/** The characters for a quote's role in `style`. */
export function quoteText(role: QuoteRole, style: QuoteStyle): string {
  switch (role) {
    case 'open-double':
      return style.openDouble;
    case 'close-double':
      return style.closeDouble;
    case 'open-single':
      return style.openSingle;
    case 'close-single':
      return style.closeSingle;
    case 'apostrophe':
      return '’';
  }
}
