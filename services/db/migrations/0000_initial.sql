CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" integer,
	"actor_label" text DEFAULT 'system' NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"enterprise_id" integer,
	"team_id" integer,
	"faculty_id" integer,
	"staff_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_role_known" CHECK ("users"."role" in ('enterprise', 'university', 'staff', 'admin')),
	CONSTRAINT "users_status_known" CHECK ("users"."status" in ('pending', 'active', 'disabled')),
	CONSTRAINT "users_locale_known" CHECK ("users"."locale" in ('zh-CN', 'en')),
	CONSTRAINT "users_role_entity" CHECK (("users"."role" <> 'enterprise' or "users"."enterprise_id" is not null) and ("users"."role" <> 'university' or "users"."team_id" is not null or "users"."faculty_id" is not null) and ("users"."role" <> 'staff' or "users"."staff_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "collaboration_teams" (
	"collaboration_id" integer NOT NULL,
	"demand_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "collaboration_teams_collaboration_id_team_id_pk" PRIMARY KEY("collaboration_id","team_id"),
	CONSTRAINT "collaboration_teams_demand_team_unique" UNIQUE("demand_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "collaborations" (
	"id" serial PRIMARY KEY NOT NULL,
	"demand_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"lead_team_id" integer NOT NULL,
	"match_candidate_id" integer,
	"title" text NOT NULL,
	"stage" text DEFAULT 'refine_demand' NOT NULL,
	"contract_value" numeric(14, 2),
	"patents_granted" integer DEFAULT 0 NOT NULL,
	"new_products" integer DEFAULT 0 NOT NULL,
	"revenue" numeric(14, 2) DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"started_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collaborations_id_demand_unique" UNIQUE("id","demand_id"),
	CONSTRAINT "collaborations_demand_lead_team_unique" UNIQUE("demand_id","lead_team_id"),
	CONSTRAINT "collaborations_stage_known" CHECK ("collaborations"."stage" in ('refine_demand', 'design_task', 'joint_research', 'commercialise')),
	CONSTRAINT "collaborations_outcomes_non_negative" CHECK ("collaborations"."patents_granted" >= 0 and "collaborations"."new_products" >= 0 and "collaborations"."revenue" >= 0 and ("collaborations"."contract_value" is null or "collaborations"."contract_value" >= 0))
);
--> statement-breakpoint
CREATE TABLE "enterprise_services" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"served_on" date NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_services_kind_known" CHECK ("enterprise_services"."kind" in ('visit', 'matchmaking', 'policy', 'financing', 'talent', 'ip', 'platform', 'other'))
);
--> statement-breakpoint
CREATE TABLE "match_candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"demand_id" integer NOT NULL,
	"team_id" integer,
	"faculty_id" integer,
	"score" double precision NOT NULL,
	"explanation" jsonb DEFAULT '{"terms":[]}'::jsonb NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"decline_reason" text,
	"decline_note" text,
	"enterprise_interested" boolean DEFAULT false NOT NULL,
	"profile_interested" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"introduced_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "match_candidates_pair_unique" UNIQUE NULLS NOT DISTINCT("demand_id","team_id","faculty_id"),
	CONSTRAINT "match_candidates_status_known" CHECK ("match_candidates"."status" in ('suggested', 'shortlisted', 'introduced', 'accepted', 'declined')),
	CONSTRAINT "match_candidates_one_side" CHECK (("match_candidates"."team_id" is null) <> ("match_candidates"."faculty_id" is null)),
	CONSTRAINT "match_candidates_decline_reason" CHECK (("match_candidates"."status" = 'declined') = ("match_candidates"."decline_reason" is not null) and ("match_candidates"."decline_reason" is null or "match_candidates"."decline_reason" in ('expertise_mismatch', 'capacity_full', 'budget_mismatch', 'timeline_mismatch', 'ip_terms', 'demand_withdrawn', 'other')))
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"collaboration_id" integer NOT NULL,
	"stage" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	CONSTRAINT "milestones_stage_known" CHECK ("milestones"."stage" in ('refine_demand', 'design_task', 'joint_research', 'commercialise'))
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"description" text NOT NULL,
	"chain_code" text NOT NULL,
	"demand_class" text NOT NULL,
	"expected_trl" integer,
	"budget_min" integer,
	"budget_max" integer,
	"deadline" date,
	"visibility" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demands_enterprise_title_unique" UNIQUE("enterprise_id","title"),
	CONSTRAINT "demands_class_known" CHECK ("demands"."demand_class" in ('chokepoint', 'chain', 'systemic', 'disruptive')),
	CONSTRAINT "demands_status_known" CHECK ("demands"."status" in ('draft', 'published', 'matched', 'closed')),
	CONSTRAINT "demands_visibility_known" CHECK ("demands"."visibility" in ('public', 'confidential')),
	CONSTRAINT "demands_trl_range" CHECK ("demands"."expected_trl" is null or "demands"."expected_trl" between 1 and 9),
	CONSTRAINT "demands_budget_ordered" CHECK (("demands"."budget_min" is null or "demands"."budget_min" >= 0) and ("demands"."budget_min" is null or "demands"."budget_max" is null or "demands"."budget_min" <= "demands"."budget_max"))
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_team_id" integer,
	"owner_faculty_id" integer,
	"chain_code" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"trl" integer,
	"ip_status" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_natural_key" UNIQUE NULLS NOT DISTINCT("owner_team_id","owner_faculty_id","title"),
	CONSTRAINT "results_has_owner" CHECK ("results"."owner_team_id" is not null or "results"."owner_faculty_id" is not null),
	CONSTRAINT "results_ip_status_known" CHECK ("results"."ip_status" in ('patent_granted', 'patent_pending', 'software_copyright', 'know_how', 'none')),
	CONSTRAINT "results_trl_range" CHECK ("results"."trl" is null or "results"."trl" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "chains_name_zh_unique" UNIQUE("name_zh"),
	CONSTRAINT "chains_code_known" CHECK ("chains"."code" in ('medical', 'carbon_fiber', 'marine_equipment', 'special_vehicle', 'info_tech', 'new_energy', 'marine_bio', 'fishing_tackle'))
);
--> statement-breakpoint
CREATE TABLE "enterprise_chains" (
	"enterprise_id" integer NOT NULL,
	"chain_code" text NOT NULL,
	CONSTRAINT "enterprise_chains_enterprise_id_chain_code_pk" PRIMARY KEY("enterprise_id","chain_code")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"industry" text NOT NULL,
	"size" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_name_unique" UNIQUE("name"),
	CONSTRAINT "enterprises_size_known" CHECK ("enterprises"."size" in ('large', 'medium', 'small', 'micro'))
);
--> statement-breakpoint
CREATE TABLE "faculty" (
	"id" serial PRIMARY KEY NOT NULL,
	"university_id" integer NOT NULL,
	"team_id" integer,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"is_doctoral_supervisor" boolean DEFAULT false NOT NULL,
	"chief_scientist_chain" text,
	"research_directions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faculty_natural_key" UNIQUE NULLS NOT DISTINCT("university_id","name","team_id"),
	CONSTRAINT "faculty_title_known" CHECK ("faculty"."title" in ('professor', 'associate_professor', 'lecturer', 'researcher', 'associate_researcher', 'assistant_researcher'))
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"chain_code" text,
	"position" text DEFAULT '' NOT NULL,
	"email" text,
	CONSTRAINT "staff_email_unique" UNIQUE("email"),
	CONSTRAINT "staff_name_chain_unique" UNIQUE NULLS NOT DISTINCT("name","chain_code")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"university_id" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"leader_id" integer,
	"chain_code" text NOT NULL,
	"research_directions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"introduction_limit" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_university_name_unique" UNIQUE("university_id","name_zh"),
	CONSTRAINT "teams_introduction_limit_positive" CHECK ("teams"."introduction_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "universities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"city" text DEFAULT '威海' NOT NULL,
	CONSTRAINT "universities_code_unique" UNIQUE("code"),
	CONSTRAINT "universities_name_zh_unique" UNIQUE("name_zh")
);
--> statement-breakpoint
CREATE TABLE "works" (
	"id" serial PRIMARY KEY NOT NULL,
	"faculty_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"year" integer,
	CONSTRAINT "works_natural_key" UNIQUE("faculty_id","kind","title"),
	CONSTRAINT "works_kind_known" CHECK ("works"."kind" in ('paper', 'patent', 'project', 'result')),
	CONSTRAINT "works_year_plausible" CHECK ("works"."year" is null or "works"."year" between 1950 and 2100)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_faculty_id_faculty_id_fk" FOREIGN KEY ("faculty_id") REFERENCES "public"."faculty"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_teams" ADD CONSTRAINT "collaboration_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_teams" ADD CONSTRAINT "collaboration_teams_collaboration_fk" FOREIGN KEY ("collaboration_id","demand_id") REFERENCES "public"."collaborations"("id","demand_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_lead_team_id_teams_id_fk" FOREIGN KEY ("lead_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_match_candidate_id_match_candidates_id_fk" FOREIGN KEY ("match_candidate_id") REFERENCES "public"."match_candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_services" ADD CONSTRAINT "enterprise_services_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_services" ADD CONSTRAINT "enterprise_services_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_faculty_id_faculty_id_fk" FOREIGN KEY ("faculty_id") REFERENCES "public"."faculty"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_owner_faculty_id_faculty_id_fk" FOREIGN KEY ("owner_faculty_id") REFERENCES "public"."faculty"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_chains" ADD CONSTRAINT "enterprise_chains_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_chains" ADD CONSTRAINT "enterprise_chains_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faculty" ADD CONSTRAINT "faculty_university_id_universities_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."universities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faculty" ADD CONSTRAINT "faculty_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faculty" ADD CONSTRAINT "faculty_chief_scientist_chain_chains_code_fk" FOREIGN KEY ("chief_scientist_chain") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_university_id_universities_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."universities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_leader_id_faculty_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."faculty"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works" ADD CONSTRAINT "works_faculty_id_faculty_id_fk" FOREIGN KEY ("faculty_id") REFERENCES "public"."faculty"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "collaborations_stage_idx" ON "collaborations" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "enterprise_services_enterprise_idx" ON "enterprise_services" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "match_candidates_status_idx" ON "match_candidates" USING btree ("status");--> statement-breakpoint
CREATE INDEX "milestones_collaboration_idx" ON "milestones" USING btree ("collaboration_id");--> statement-breakpoint
CREATE INDEX "demands_chain_idx" ON "demands" USING btree ("chain_code");--> statement-breakpoint
CREATE INDEX "faculty_team_idx" ON "faculty" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "teams_chain_idx" ON "teams" USING btree ("chain_code");