CREATE TABLE "benchmark_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"rate_percent" numeric(6, 3) NOT NULL,
	"effective_on" date NOT NULL,
	"set_by" text DEFAULT 'system' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_rates_effective_on_unique" UNIQUE("effective_on"),
	CONSTRAINT "benchmark_rates_plausible" CHECK ("benchmark_rates"."rate_percent" > 0 and "benchmark_rates"."rate_percent" < 100)
);
--> statement-breakpoint
CREATE TABLE "chokepoint_project_teams" (
	"project_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	CONSTRAINT "chokepoint_project_teams_project_id_team_id_pk" PRIMARY KEY("project_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "chokepoint_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"demand_id" integer,
	"collaboration_id" integer,
	"title" text NOT NULL,
	"chain_code" text NOT NULL,
	"breakthrough" text NOT NULL,
	"goals" text NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget" numeric(14, 2) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"admitted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chokepoint_projects_status_known" CHECK ("chokepoint_projects"."status" in ('submitted', 'changes_requested', 'admitted', 'rejected')),
	CONSTRAINT "chokepoint_projects_period_ordered" CHECK ("chokepoint_projects"."starts_on" <= "chokepoint_projects"."ends_on"),
	CONSTRAINT "chokepoint_projects_budget_positive" CHECK ("chokepoint_projects"."budget" > 0),
	CONSTRAINT "chokepoint_projects_admitted_dated" CHECK (("chokepoint_projects"."status" = 'admitted') = ("chokepoint_projects"."admitted_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "consortia" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lead_enterprise_id" integer NOT NULL,
	"technology_line" text NOT NULL,
	"chain_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'forming' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortia_name_unique" UNIQUE("name"),
	CONSTRAINT "consortia_status_known" CHECK ("consortia"."status" in ('forming', 'active', 'concluded'))
);
--> statement-breakpoint
CREATE TABLE "consortium_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"consortium_id" integer NOT NULL,
	"role" text NOT NULL,
	"enterprise_id" integer,
	"team_id" integer,
	"university_id" integer,
	CONSTRAINT "consortium_members_unique" UNIQUE NULLS NOT DISTINCT("consortium_id","enterprise_id","team_id","university_id"),
	CONSTRAINT "consortium_members_role_known" CHECK ("consortium_members"."role" in ('lead', 'supporting', 'upstream', 'downstream')),
	CONSTRAINT "consortium_members_one_kind" CHECK (num_nonnulls("consortium_members"."enterprise_id", "consortium_members"."team_id", "consortium_members"."university_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "consortium_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"consortium_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"demand_id" integer,
	"collaboration_id" integer,
	"project_id" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortium_tasks_demand_unique" UNIQUE("consortium_id","demand_id"),
	CONSTRAINT "consortium_tasks_status_known" CHECK ("consortium_tasks"."status" in ('planned', 'under_way', 'done'))
);
--> statement-breakpoint
CREATE TABLE "partner_organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_organisations_name_unique" UNIQUE("name"),
	CONSTRAINT "partner_organisations_kind_known" CHECK ("partner_organisations"."kind" in ('bank', 'fund', 'insurer'))
);
--> statement-breakpoint
CREATE TABLE "project_support" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"partner_id" integer,
	"amount" numeric(14, 2) NOT NULL,
	"granted_on" date NOT NULL,
	"budget_line" text,
	"multiplier" numeric(4, 2),
	"credited_amount" numeric(16, 2),
	"term_months" integer,
	"rate_percent" numeric(6, 3),
	"benchmark_rate_percent" numeric(6, 3),
	"collateral" boolean,
	"risk_compensation_percent" numeric(5, 3),
	"risk_compensation" numeric(14, 2),
	"cover" numeric(16, 2),
	"subsidy_percent" numeric(5, 2),
	"subsidy" numeric(14, 2),
	"overridden_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"override_reason" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_support_kind_known" CHECK ("project_support"."kind" in ('grant', 'investment', 'loan', 'insurance')),
	CONSTRAINT "project_support_amount_positive" CHECK ("project_support"."amount" > 0),
	CONSTRAINT "project_support_partner" CHECK ("project_support"."kind" = 'grant' or "project_support"."partner_id" is not null),
	CONSTRAINT "project_support_override_explained" CHECK (jsonb_array_length("project_support"."overridden_rules") = 0 or "project_support"."override_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "chokepoint_project_teams" ADD CONSTRAINT "chokepoint_project_teams_project_id_chokepoint_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."chokepoint_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoint_project_teams" ADD CONSTRAINT "chokepoint_project_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoint_projects" ADD CONSTRAINT "chokepoint_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoint_projects" ADD CONSTRAINT "chokepoint_projects_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoint_projects" ADD CONSTRAINT "chokepoint_projects_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoint_projects" ADD CONSTRAINT "chokepoint_projects_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortia" ADD CONSTRAINT "consortia_lead_enterprise_id_enterprises_id_fk" FOREIGN KEY ("lead_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortia" ADD CONSTRAINT "consortia_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_university_id_universities_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."universities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_tasks" ADD CONSTRAINT "consortium_tasks_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_tasks" ADD CONSTRAINT "consortium_tasks_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_tasks" ADD CONSTRAINT "consortium_tasks_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_tasks" ADD CONSTRAINT "consortium_tasks_project_id_chokepoint_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."chokepoint_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_support" ADD CONSTRAINT "project_support_project_id_chokepoint_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."chokepoint_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_support" ADD CONSTRAINT "project_support_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chokepoint_projects_chain_status_idx" ON "chokepoint_projects" USING btree ("chain_code","status");--> statement-breakpoint
CREATE INDEX "chokepoint_projects_enterprise_idx" ON "chokepoint_projects" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chokepoint_projects_live_demand_unique" ON "chokepoint_projects" USING btree ("demand_id") WHERE "chokepoint_projects"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "project_support_project_idx" ON "project_support" USING btree ("project_id");