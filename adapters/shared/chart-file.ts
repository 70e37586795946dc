/** The name the progress chart's PNG is sent under, on every platform (a Slack file, a Discord attachment). */
export const CHART_FILE_NAME = 'status.png';
