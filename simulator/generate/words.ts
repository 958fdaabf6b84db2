/** Word banks for deterministic multi-language content. */
export interface Lang {
  code: string;
  titleWords: string[];
  topics: string[];
  sentences: string[];
  headings: string[];
}

export const LANGS: Lang[] = [
  {
    code: "en",
    titleWords: ["Roadmap", "Runbook", "Design", "Onboarding", "Retrospective", "Release", "Architecture", "Guide", "Notes", "Checklist", "Incident", "Policy"],
    topics: ["Payments", "Search", "Billing", "Mobile App", "Data Platform", "Identity", "Analytics", "Infrastructure", "Support", "Security"],
    sentences: [
      "This page describes how the team handles the weekly release process.",
      "Please review the open questions before the next planning meeting.",
      "The service is deployed to three regions with automatic failover.",
      "All changes must be approved by at least one reviewer.",
      "Customer data is encrypted at rest and in transit.",
      "We measured a latency improvement of twelve percent after the migration.",
      "Contact the on-call engineer if the dashboard shows errors.",
    ],
    headings: ["Overview", "Background", "Decision", "Next steps", "Risks", "Appendix"],
  },
  {
    code: "de",
    titleWords: ["Leitfaden", "Protokoll", "Entwurf", "Einarbeitung", "Rückblick", "Freigabe", "Architektur", "Handbuch", "Notizen", "Richtlinie"],
    topics: ["Zahlungen", "Suche", "Abrechnung", "Größenplanung", "Datenplattform", "Übersicht", "Qualitätssicherung"],
    sentences: [
      "Diese Seite beschreibt den wöchentlichen Freigabeprozess des Teams.",
      "Bitte prüfen Sie die offenen Fragen vor der nächsten Besprechung.",
      "Der Dienst läuft in drei Regionen mit automatischem Failover.",
      "Änderungen müssen von mindestens einer Person geprüft werden.",
      "Kundendaten werden verschlüsselt gespeichert und übertragen.",
    ],
    headings: ["Überblick", "Hintergrund", "Entscheidung", "Nächste Schritte", "Risiken"],
  },
  {
    code: "fr",
    titleWords: ["Feuille de route", "Procédure", "Conception", "Intégration", "Rétrospective", "Publication", "Guide", "Notes", "Politique"],
    topics: ["Paiements", "Recherche", "Facturation", "Sécurité", "Données", "Équipe mobile", "Réseau"],
    sentences: [
      "Cette page décrit le processus de publication hebdomadaire de l'équipe.",
      "Veuillez examiner les questions ouvertes avant la prochaine réunion.",
      "Le service est déployé dans trois régions avec basculement automatique.",
      "Les données des clients sont chiffrées au repos et en transit.",
      "Contactez l'ingénieur d'astreinte si le tableau de bord affiche des erreurs.",
    ],
    headings: ["Aperçu", "Contexte", "Décision", "Prochaines étapes", "Risques"],
  },
  {
    code: "ja",
    titleWords: ["ロードマップ", "手順書", "設計", "オンボーディング", "振り返り", "リリース", "アーキテクチャ", "ガイド", "議事録"],
    topics: ["決済", "検索", "請求", "モバイル", "データ基盤", "認証", "分析"],
    sentences: [
      "このページではチームの週次リリース手順について説明します。",
      "次回の計画会議の前に未解決の質問を確認してください。",
      "サービスは自動フェイルオーバー付きで三つのリージョンに展開されています。",
      "顧客データは保存時および転送時に暗号化されます。",
    ],
    headings: ["概要", "背景", "決定事項", "次のステップ", "リスク"],
  },
  {
    code: "es",
    titleWords: ["Hoja de ruta", "Manual", "Diseño", "Incorporación", "Retrospectiva", "Lanzamiento", "Guía", "Notas"],
    topics: ["Pagos", "Búsqueda", "Facturación", "Seguridad", "Datos", "Atención al cliente"],
    sentences: [
      "Esta página describe el proceso de lanzamiento semanal del equipo.",
      "Revise las preguntas abiertas antes de la próxima reunión.",
      "Los datos de los clientes se cifran en reposo y en tránsito.",
      "Todos los cambios deben ser aprobados por al menos un revisor.",
    ],
    headings: ["Resumen", "Contexto", "Decisión", "Próximos pasos", "Riesgos"],
  },
];

export const LANG_WEIGHTS = ["en", "en", "en", "en", "de", "fr", "ja", "es"];

export function langOf(code: string): Lang {
  return LANGS.find((l) => l.code === code) ?? LANGS[0];
}

export const FIRST_NAMES = [
  "Alice",
  "Bruno",
  "Chiara",
  "Dmitri",
  "Emma",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "Jonas",
  "Keiko",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Pierre",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Yusuf",
  "Zoe",
];
export const LAST_NAMES = [
  "Anderson",
  "Becker",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "García",
  "Hoffmann",
  "Ito",
  "Jansen",
  "Kowalski",
  "Lambert",
  "Müller",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Weber",
];
export const SPACE_NAMES = [
  "Engineering",
  "Product",
  "Marketing",
  "Human Resources",
  "Finance",
  "Support",
  "Design",
  "Legal",
  "Sales",
  "Operations",
  "Research",
  "Security",
  "Data",
  "Platform",
  "Mobile",
];
export const LABEL_NAMES = [
  "architecture",
  "how-to",
  "meeting-notes",
  "decision",
  "draft",
  "release",
  "runbook",
  "onboarding",
  "security",
  "faq",
  "retro",
  "customer",
  "q3-planning",
  "kb",
  "important",
];
