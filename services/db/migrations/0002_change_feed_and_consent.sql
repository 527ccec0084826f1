CREATE TABLE "change_feed" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"ids" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_feed_entity_known" CHECK ("change_feed"."entity" in ('demand', 'team', 'faculty', 'result')),
	CONSTRAINT "change_feed_ids_present" CHECK (cardinality("change_feed"."ids") > 0)
);
--> statement-breakpoint
CREATE TABLE "change_feed_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"match_candidate_id" integer NOT NULL,
	"enterprise_confirmed_by" text NOT NULL,
	"university_confirmed_by" text NOT NULL,
	"channel" text NOT NULL,
	"agreed_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_agreements_match_candidate_id_unique" UNIQUE("match_candidate_id"),
	CONSTRAINT "match_agreements_channel_known" CHECK ("match_agreements"."channel" in ('phone', 'meeting', 'email', 'letter')),
	CONSTRAINT "match_agreements_names_present" CHECK (length(trim("match_agreements"."enterprise_confirmed_by")) > 0 and length(trim("match_agreements"."university_confirmed_by")) > 0)
);
--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "consent_basis" text;--> statement-breakpoint
ALTER TABLE "match_agreements" ADD CONSTRAINT "match_agreements_match_candidate_id_match_candidates_id_fk" FOREIGN KEY ("match_candidate_id") REFERENCES "public"."match_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_agreements" ADD CONSTRAINT "match_agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_consent_basis_known" CHECK ("collaborations"."consent_basis" is null or "collaborations"."consent_basis" in ('portal_interest', 'recorded_agreement'));--> statement-breakpoint
-- hand-written
-- The suggestion worker starts at the beginning of the feed; nothing is pruned yet.
INSERT INTO "change_feed_cursors" ("name", "position") VALUES ('suggestions', 0), ('pruned', 0) ON CONFLICT DO NOTHING;
