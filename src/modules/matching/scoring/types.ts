/**
 * The contract of the scoring module (pure: no database, no HTTP). The matching pages and the batch service load
 * these profiles from the database and call `scorePair` / `rankVolunteers` / `rankMentees` / `candidateInstance`; the scoring helper owns the rules.
 */
import type { LanguageLevel } from '../../volunteers/index.js';

/** "undisclosed": the person preferred not to say. Only female and male satisfy a stated preference. */
export type Gender = 'female' | 'male' | 'other' | 'undisclosed';

export interface VolunteerProfile {
  id: string;
  languages: LanguageLevel[];
  /** "mon-morning" … "sun-evening" */
  availability: string[];
  district: string | null;
  interests: string[];
  /** What the volunteer offers: mentoring, language_help, school_help, errands, leisure, institution_assistance, events */
  activities: string[];
  gender: Gender | null;
  /** Whole years, null when the birth date is unknown. */
  age: number | null;
  /** Whom the volunteer would support: any, female, male (null = any). */
  preferredGender: 'any' | 'female' | 'male' | null;
  /** children (<13), teenagers (13–17), adults (18–64), seniors (65+); empty = any. */
  preferredAgeGroups: string[];
  /** The most kilometres the volunteer will travel; null = no limit stated. */
  travelKm: number | null;
  capacity: number;
  /** Active matches now. */
  activeMatches: number;
  /** A valid (not expired) safeguarding check is on record. */
  safeguardingCleared: boolean;
}

export interface MenteeProfile {
  id: string;
  /** language_practice, school_help, everyday_matters, leisure, companionship, job_search, official_matters */
  needs: string[];
  /** Needs already served by an active match (one active match per need). */
  coveredNeeds: string[];
  languages: LanguageLevel[];
  availability: string[];
  district: string | null;
  interests: string[];
  gender: Gender | null;
  age: number | null;
  minor: boolean;
  vulnerableAdult: boolean;
  preferredVolunteerGender: 'any' | 'female' | 'male' | null;
  preferredVolunteerAgeMin: number | null;
  preferredVolunteerAgeMax: number | null;
  /** Whole days on the waiting list. */
  daysWaiting: number;
}

/** Relative weights of the components, set per programme (0 switches a component off). */
export interface Weights {
  language: number;
  availability: number;
  distance: number;
  interests: number;
  needs: number;
  waiting: number;
}

export interface ScoringContext {
  weights: Weights;
  /** District name → centre (case-insensitive lookup is the scorer's job). */
  districts: ReadonlyMap<string, { latitude: number; longitude: number }>;
  /** Pairs a coordinator excluded, as `${menteeId}:${volunteerId}`. */
  excluded: ReadonlySet<string>;
  /**
   * The programme's distance limit in km: the distance component falls linearly to 0 there (or sooner at the
   * volunteer's own travel limit). Absent: MAX_DISTANCE_KM (15). A rural programme may set 40 or more.
   */
  maxDistanceKm?: number;
}

export type ComponentKey = keyof Weights;

/** One scored component; `detail` holds the facts the reason is written from (language codes, slots, km…). */
export interface Component {
  key: ComponentKey;
  /** Weighted points this component contributed (0 … max). */
  points: number;
  /** The most this component can give with the programme's weights. */
  max: number;
  detail: Record<string, unknown>;
}

/** Why a pair may not be made at all. */
export type ViolationKey =
  | 'safeguarding_required'
  | 'mentee_gender_preference'
  | 'mentee_age_preference'
  | 'volunteer_gender_preference'
  | 'volunteer_age_preference'
  | 'capacity_full'
  | 'needs_already_covered'
  | 'excluded';

export interface Violation {
  key: ViolationKey;
  detail: Record<string, unknown>;
}

/** Something a social worker should see before deciding that does not rule the pair out. */
export type CautionKey = 'vulnerable_adult';

export interface Caution {
  key: CautionKey;
  detail: Record<string, unknown>;
}

export type PairScore =
  | {
      eligible: true;
      score: number;
      components: Component[];
      /** Always present in what `scorePair` returns; optional so that hand-built scores elsewhere stay valid. */
      cautions?: Caution[];
    }
  | { eligible: false; violations: Violation[] };
