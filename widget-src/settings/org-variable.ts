/** API name of the CRM org variable whose content overrides `settings.json`. */
export const ORG_VARIABLE_NAME = 'entity_score_card_settings';

/**
 * Extracts the org variable's text from a `getOrgVariable` response of the form
 * `{Success: {Content: "…"}}`. Returns undefined for any other shape, and for
 * missing, non-string or blank content. CRM does not document its response for
 * a variable that does not exist, so anything unusable means "no override".
 */
export function parseOrgVariableAnswer(raw: unknown): string | undefined {
  const success = ownValue(raw, 'Success');
  const content = ownValue(success, 'Content');
  if (typeof content !== 'string' || content.trim() === '') return undefined;
  return content;
}

function ownValue(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}
