import { SyntaxValidator } from 'fast-xml-validator';

/**
 * `true` for well-formed XML (control characters and a stray `]]>` in text count against it),
 * else the validator's reason, so a failing test says what is wrong.
 */
export function wellFormed(xml: string): true | string {
  try {
    return SyntaxValidator.validate(xml, { invalidCharSequence: { tagValue: true, attrLt: true, comment: true } });
  } catch (error) {
    return String(error);
  }
}
