/**
 * The largest document `procedure.document-issued.v1` carries inline (its `content`): with the
 * record's other fields, key and headers it stays well below Kafka's default max.message.bytes
 * (1 MB). A larger document is dead-lettered by the connector that read it (ADR 0025).
 */
export const documentContentMaxBytes = 512 * 1024;
