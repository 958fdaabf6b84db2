import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";
import { AppError } from "../errors";

/**
 * Every new password (first administrator, created users, resets) is scored by zxcvbn-ts
 * against its dictionaries of common passwords, names and words, keyboard patterns and the
 * user's own name and email. Score 3 of 4 is "safely unguessable" for an online attack
 * and slows an offline one against our argon2id hashes.
 */
const MIN_SCORE = 3;
// zxcvbn's cost grows with length; past 100 characters a password is not weak for its tail.
const CHECKED_LENGTH = 100;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  });
  return factory;
}

/** Why a password is too easy to guess, in words for the form; null when it is strong enough. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((part) => part.length >= 3);
  const result = zxcvbn().check(password.slice(0, CHECKED_LENGTH), inputs);
  if (result.score >= MIN_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess. ${advice || "Add another word or two that are not related."}`;
}

/** Refuses a weak password with a 422 on the given field. */
export function assertStrongPassword(password: string, userInputs: string[], field = "password"): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw AppError.validation([{ loc: ["body", field], msg: weakness, type: "password_weak" }], weakness);
}
