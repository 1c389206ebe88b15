/** One figure that has a target. `met` is undefined when it could not be measured. */
export interface BudgetCheck {
  section: string;
  subject: string;
  budget: string;
  measured: string;
  met: boolean | undefined;
  /** Why a miss happened, with the figures that show it. */
  explanation?: string;
}

export interface BenchmarkSection {
  title: string;
  /** Markdown under the section's heading: what was measured and how, then the tables. */
  body: string;
  checks: BudgetCheck[];
  /** One sentence for the top of the report: the section's result at a glance. */
  headline?: string;
  /** Findings without a budget that the summary should still name. */
  findings?: string[];
}
