// Generated from contracts/schemas/common/xoev-standard.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * The XÖV standard of a message exchanged with a specialist procedure.
 */
export type XoevStandard = 'XBAU' | 'XWASSER' | 'XPERSONENSTAND' | 'OTHER';
