/**
 * The fixed, coarse lists a benchmark profile is chosen from. Only codes from these lists are
 * ever stored, so a profile can never carry free text.
 */
export interface ProfileOption {
  code: string;
  name: string;
}

/** ISIC Rev. 4 sections. */
export const INDUSTRIES: readonly ProfileOption[] = [
  ['A', 'Agriculture, forestry and fishing'],
  ['B', 'Mining and quarrying'],
  ['C', 'Manufacturing'],
  ['D', 'Electricity, gas, steam and air conditioning supply'],
  ['E', 'Water supply; sewerage, waste management and remediation'],
  ['F', 'Construction'],
  ['G', 'Wholesale and retail trade; repair of motor vehicles'],
  ['H', 'Transportation and storage'],
  ['I', 'Accommodation and food service activities'],
  ['J', 'Information and communication'],
  ['K', 'Financial and insurance activities'],
  ['L', 'Real estate activities'],
  ['M', 'Professional, scientific and technical activities'],
  ['N', 'Administrative and support service activities'],
  ['O', 'Public administration and defence; compulsory social security'],
  ['P', 'Education'],
  ['Q', 'Human health and social work activities'],
  ['R', 'Arts, entertainment and recreation'],
  ['S', 'Other service activities'],
  ['T', 'Activities of households as employers'],
  ['U', 'Activities of extraterritorial organisations and bodies'],
].map(([code, name]) => ({ code: code as string, name: name as string }));

export const SIZES: readonly ProfileOption[] = [
  { code: '1-49', name: '1–49 employees' },
  { code: '50-249', name: '50–249 employees' },
  { code: '250-999', name: '250–999 employees' },
  { code: '1000-4999', name: '1,000–4,999 employees' },
  { code: '5000+', name: '5,000 or more employees' },
];

export const REGIONS: readonly ProfileOption[] = [
  { code: 'africa', name: 'Africa' },
  { code: 'asia', name: 'Asia' },
  { code: 'europe', name: 'Europe' },
  { code: 'north-america', name: 'North America' },
  { code: 'south-america', name: 'South America' },
  { code: 'oceania', name: 'Oceania' },
];

export const ROLES: readonly ProfileOption[] = [
  { code: 'operator', name: 'PKI operator' },
  { code: 'relying-party', name: 'Relying party' },
  { code: 'trust-service-provider', name: 'Trust service provider' },
];

export const CA_COUNTS: readonly ProfileOption[] = [
  { code: '1', name: '1 CA' },
  { code: '2-5', name: '2–5 CAs' },
  { code: '6-20', name: '6–20 CAs' },
  { code: '21+', name: '21 or more CAs' },
];

/** The profile fields in a fixed order; also the filter names of a comparison. */
export const PROFILE_FIELDS = ['industry', 'size', 'region', 'role', 'cas'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type Profile = Record<ProfileField, string>;

export const PROFILE_LISTS: Record<ProfileField, readonly ProfileOption[]> = {
  industry: INDUSTRIES,
  size: SIZES,
  region: REGIONS,
  role: ROLES,
  cas: CA_COUNTS,
};

export function profileOptions() {
  return {
    industries: [...INDUSTRIES],
    sizes: [...SIZES],
    regions: [...REGIONS],
    roles: [...ROLES],
    caCounts: [...CA_COUNTS],
  };
}

export function isProfileCode(field: ProfileField, code: string): boolean {
  return PROFILE_LISTS[field].some((option) => option.code === code);
}
