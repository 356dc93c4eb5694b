/**
 * Who said it: resolveSpeakers names each attribution's source (titles split off, pronouns and
 * surnames resolved); groupSpeakers folds them into one group per person or body. See speakers/.
 */
export { resolveSpeakers } from './speakers/resolve';
export { groupSpeakers } from './speakers/group';
export { parseMention, type ParsedMention } from './speakers/mention';
