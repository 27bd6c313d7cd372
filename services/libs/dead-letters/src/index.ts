export { deadLetterTopics, type DeadLetterTopic } from './dead-letter-topics.js';
export { readDeadLetters, topicOfId, type DeadLetter } from './read-dead-letters.js';
export { replayOf, selects, type ReplaySelector } from './replay.js';
export { contextOf, type DeadLetterContext } from './dead-letter-context.js';
