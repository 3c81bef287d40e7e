/**
 * The pairs module's test entry, for tests outside the module (the end-to-end tests): a volunteer who signs in, a
 * match with its history, a pair with meetings and check-ins, a coordinator's cover. The factories live beside the
 * parts that own the rows (meetings, check-ins, concerns).
 */
export { addCheckIn, addMeeting, assertFollowersOnly, createPair, followedPair, type PairSeed } from './check-ins/test-helpers.js';
export { addCover, pairOf, volunteerFor } from './concerns/test-helpers.js';
export { createMatch, volunteerAccount, volunteerWithToken } from './meetings/test-helpers.js';
