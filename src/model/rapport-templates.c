/* rapport-templates.c — the built-in sales processes and their playbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-templates.h"

/*
 * Five processes from the sales literature, each stage with its purpose and
 * a playbook of key actions: who does it, with what material, and what
 * measurable output shows it is done.  All strings are marked with N_() and
 * translated by the store with g_dgettext (GETTEXT_PACKAGE, …) when a
 * template is copied into a database.
 *
 * Strings are kept under ~110 characters so they fit the deal-detail
 * checklist without wrapping badly.
 */

#define ACTIONS(a) (a), G_N_ELEMENTS (a)
#define STAGES(s)  (s), G_N_ELEMENTS (s)

/* ------------------------------------------------------------------ */
/* 1. Classic 5 stages                                                 */
/* ------------------------------------------------------------------ */

static const RapportTemplateAction classic5_prospecting[] = {
  { N_("Build a target list from the ideal customer profile"),
    N_("Sales development rep"),
    N_("Ideal customer profile; lead database"),
    N_("50 named accounts, each with a decision-maker contact") },
  { N_("Contact every new inbound lead within one hour"),
    N_("Sales development rep"),
    N_("First-call script; email templates"),
    N_("First attempt logged within 60 minutes of the lead arriving") },
  { N_("Run a multi-touch outreach sequence"),
    N_("Sales development rep"),
    N_("Outreach cadence: 6 touches over 14 days"),
    N_("Replies from at least 1 in 10 contacts; first meeting booked") },
};

static const RapportTemplateAction classic5_qualifying[] = {
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Qualify the lead against BANT on a discovery call"),
    N_("Account executive"),
    /* Translators: BANT = Budget, Authority, Need, Timeline */
    N_("BANT call script"),
    /* Translators: BANT = Budget, Authority, Need, Timeline */
    N_("BANT answers recorded; at least 3 of 4 met") },
  { N_("Identify the decision-maker and everyone who signs off"),
    N_("Account executive"),
    N_("Stakeholder map template"),
    N_("Decision-maker named; approval steps written down") },
  { N_("Agree the next step and its date before the call ends"),
    N_("Account executive"),
    N_("Meeting invitation template"),
    N_("Presentation booked within 10 working days") },
};

static const RapportTemplateAction classic5_presentation[] = {
  { N_("Tailor the demo to the needs found while qualifying"),
    N_("Solutions engineer"),
    N_("Demo environment; discovery notes"),
    N_("Agenda sent 2 days ahead, mapped to the buyer's top 3 needs") },
  { N_("Present to the decision-maker and key stakeholders"),
    N_("Account executive"),
    N_("Pitch deck; case studies from the same industry"),
    N_("Decision-maker attended; questions and objections logged") },
  { N_("Send a written recap with the agreed next steps"),
    N_("Account executive"),
    N_("Meeting recap email template"),
    N_("Recap sent within 24 hours; buyer confirms the next steps") },
};

static const RapportTemplateAction classic5_negotiation[] = {
  { N_("Send a written proposal with scope, price and terms"),
    N_("Account executive"),
    N_("Proposal template; price list"),
    N_("Proposal delivered; buyer confirms a date to review it") },
  { N_("Log every offer, counter-offer, objection and concession"),
    N_("Account executive"),
    N_("Negotiation log"),
    N_("Each exchange recorded with date, ask and answer") },
  { N_("Trade each concession for something in return"),
    N_("Sales manager"),
    N_("Discount approval matrix; walk-away price"),
    N_("Discount within approved limits; no concession given for free") },
};

static const RapportTemplateAction classic5_closing[] = {
  { N_("Ask for the order and agree the signing date"),
    N_("Account executive"),
    N_("Closing checklist"),
    N_("Signing date confirmed by the decision-maker") },
  { N_("Send the contract and track it through legal and purchasing"),
    N_("Account executive"),
    N_("Contract template; e-signature tool"),
    N_("Signed contract and purchase order received") },
  { N_("Hand the account over to delivery or onboarding"),
    N_("Account executive"),
    N_("Handover form"),
    N_("Kick-off meeting held within 5 working days of signature") },
};

static const RapportTemplateStage classic5_stages[] = {
  { N_("Prospecting"), 10, 14,
    N_("Find people and companies that fit the ideal customer profile and open a first conversation."),
    ACTIONS (classic5_prospecting) },
  { N_("Qualifying"), 25, 14,
    N_("Confirm the lead can and will buy, so time goes only to deals that can close."),
    ACTIONS (classic5_qualifying) },
  { N_("Presentation"), 50, 21,
    N_("Show how the offer solves the buyer's stated problem, in the buyer's own terms."),
    ACTIONS (classic5_presentation) },
  { N_("Negotiation"), 75, 21,
    N_("Reach terms both sides accept without giving away value."),
    ACTIONS (classic5_negotiation) },
  { N_("Closing"), 90, 14,
    N_("Turn the agreement into a signed contract and a smooth handover."),
    ACTIONS (classic5_closing) },
};

/* ------------------------------------------------------------------ */
/* 2. 7-stage cycle                                                    */
/* ------------------------------------------------------------------ */

static const RapportTemplateAction cycle7_initial_contact[] = {
  { N_("Call every new lead within one hour of arrival"),
    N_("Sales development rep"),
    N_("First-call script"),
    N_("First attempt logged within 60 minutes") },
  { N_("Follow up unanswered calls by email and voicemail"),
    N_("Sales development rep"),
    N_("Email and voicemail templates"),
    N_("Up to 6 touches in 10 days; outcome recorded") },
  { N_("Book a short introductory call"),
    N_("Sales development rep"),
    N_("Calendar booking link"),
    N_("15-minute call held, or lead marked unresponsive") },
};

static const RapportTemplateAction cycle7_compatibility[] = {
  { N_("Compare the lead with the ideal customer profile"),
    N_("Sales development rep"),
    N_("Ideal customer profile checklist"),
    N_("Fit score recorded; mismatches noted") },
  { N_("Confirm the offer suits their size, region and setup"),
    N_("Solutions engineer"),
    N_("Product fit sheet; technical prerequisites"),
    N_("No blocking gaps found, or deal closed as not a fit") },
  { N_("Disqualify poor fits politely and refer them elsewhere"),
    N_("Sales development rep"),
    N_("Disqualification email template"),
    N_("Lost reason recorded for every poor fit") },
};

static const RapportTemplateAction cycle7_needs[] = {
  { N_("Run a discovery call built on open questions"),
    N_("Account executive"),
    N_("Discovery question guide"),
    N_("Top 3 business problems written down in the buyer's words") },
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Qualify the opportunity against BANT"),
    N_("Account executive"),
    /* Translators: BANT = Budget, Authority, Need, Timeline */
    N_("BANT call script"),
    N_("BANT answers recorded; at least 3 of 4 met") },
  { N_("Quantify the cost of the problem together with the buyer"),
    N_("Account executive"),
    /* Translators: ROI = return on investment */
    N_("ROI calculator"),
    N_("Yearly cost of the problem agreed as an amount of money") },
};

static const RapportTemplateAction cycle7_pitch[] = {
  { N_("Build the pitch around the buyer's top 3 needs"),
    N_("Account executive"),
    N_("Pitch deck; discovery notes"),
    N_("One slide per need, each with a measurable result") },
  { N_("Deliver the pitch or demo to the buying group"),
    N_("Account executive"),
    N_("Demo script; customer case studies"),
    N_("Decision-maker present; objections logged") },
  { N_("Agree the scope of a formal proposal"),
    N_("Account executive"),
    N_("Scope checklist"),
    N_("Scope, quantities and decision date confirmed in writing") },
};

static const RapportTemplateAction cycle7_proposal[] = {
  { N_("Write the proposal with scope, price and expected return"),
    N_("Account executive"),
    /* Translators: ROI = return on investment */
    N_("Proposal template; price list; ROI calculator"),
    N_("Proposal sent within 3 working days of the pitch") },
  { N_("Get internal approval for any non-standard terms"),
    N_("Sales manager"),
    N_("Deal approval form"),
    N_("Approval recorded before the terms are offered") },
  { N_("Walk the buyer through the proposal live"),
    N_("Account executive"),
    N_("Proposal review agenda"),
    N_("Review meeting held; open questions listed with owners") },
};

static const RapportTemplateAction cycle7_negotiation[] = {
  { N_("Log every offer, counter-offer, objection and concession"),
    N_("Account executive"),
    N_("Negotiation log"),
    N_("Each exchange recorded with date, ask and answer") },
  { N_("Answer objections with evidence rather than discounts"),
    N_("Account executive"),
    N_("Objection handling guide; customer references"),
    N_("Each objection marked resolved or open, with the reason") },
  { N_("Trade concessions instead of giving them away"),
    N_("Sales manager"),
    N_("Discount approval matrix; walk-away price"),
    N_("Final price above the walk-away price; every concession traded") },
};

static const RapportTemplateAction cycle7_closing[] = {
  { N_("Confirm the verbal yes and the signing date"),
    N_("Account executive"),
    N_("Closing checklist"),
    N_("Signing date agreed with the decision-maker") },
  { N_("Send the contract for signature and chase it to completion"),
    N_("Account executive"),
    N_("Contract template; e-signature tool"),
    N_("Signed contract and purchase order received") },
  { N_("Hand the customer over to onboarding"),
    N_("Account executive"),
    N_("Handover form"),
    N_("Kick-off held within 5 working days of signature") },
};

static const RapportTemplateStage cycle7_stages[] = {
  { N_("Initial contact"), 5, 7,
    N_("Reach new leads fast and earn the right to a real conversation."),
    ACTIONS (cycle7_initial_contact) },
  { N_("Compatibility check"), 10, 10,
    N_("Check that the lead fits the ideal customer profile before investing more time."),
    ACTIONS (cycle7_compatibility) },
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Needs analysis (BANT)"), 20, 14,
    N_("Understand the buyer's problem and confirm budget, authority, need and timeline."),
    ACTIONS (cycle7_needs) },
  { N_("Pitch"), 40, 14,
    N_("Present the solution as the answer to the needs found, to the people who decide."),
    ACTIONS (cycle7_pitch) },
  { N_("Proposal"), 60, 14,
    N_("Put the offer in writing so the buyer can compare, approve and budget for it."),
    ACTIONS (cycle7_proposal) },
  { N_("Negotiation"), 75, 21,
    N_("Reach terms both sides accept without giving away value."),
    ACTIONS (cycle7_negotiation) },
  { N_("Closing"), 90, 14,
    N_("Turn the agreement into a signed contract and a smooth handover."),
    ACTIONS (cycle7_closing) },
};

/* ------------------------------------------------------------------ */
/* 3. Repeat-sales 5 steps                                             */
/* ------------------------------------------------------------------ */

static const RapportTemplateAction repeat5_finding[] = {
  { N_("List prospects who buy this kind of product regularly"),
    N_("Sales development rep"),
    N_("Ideal customer profile; industry directories"),
    N_("30 prospects listed, each with an estimated buying frequency") },
  { N_("Contact every new inbound lead within one hour"),
    N_("Sales development rep"),
    N_("First-call script"),
    N_("First attempt logged within 60 minutes") },
  { N_("Win back customers who have stopped ordering"),
    N_("Account manager"),
    N_("Order history report; win-back email template"),
    N_("Every customer without an order for 6 months contacted") },
};

static const RapportTemplateAction repeat5_assessment[] = {
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Qualify the client against BANT"),
    N_("Account executive"),
    /* Translators: BANT = Budget, Authority, Need, Timeline */
    N_("BANT call script"),
    N_("BANT answers recorded; at least 3 of 4 met") },
  { N_("Estimate order volume and reorder interval"),
    N_("Account executive"),
    N_("Account potential worksheet"),
    N_("Expected yearly value and reorder interval recorded") },
  { N_("Find out who places orders and who approves them"),
    N_("Account executive"),
    N_("Stakeholder map template"),
    N_("Buyer and approver named, with contact details") },
};

static const RapportTemplateAction repeat5_proposal[] = {
  { N_("Build the offer around the client's usual order pattern"),
    N_("Account executive"),
    N_("Price list; volume discount table"),
    N_("Proposal with unit price, volume tiers and delivery schedule") },
  { N_("Include a standing-order or framework contract option"),
    N_("Account executive"),
    N_("Framework agreement template"),
    N_("Recurring option priced next to the one-off order") },
  { N_("Send the proposal and book a review call"),
    N_("Account executive"),
    N_("Proposal template; meeting invitation"),
    N_("Review call booked within 5 working days of sending") },
};

static const RapportTemplateAction repeat5_decision[] = {
  { N_("Review the proposal with the buyer and answer objections"),
    N_("Account executive"),
    N_("Objection handling guide; negotiation log"),
    N_("Every objection logged and answered") },
  { N_("Approve any discount beyond the standard volume tiers"),
    N_("Sales manager"),
    N_("Discount approval matrix"),
    N_("Approval or refusal given within 1 working day") },
  { N_("Agree final terms and get the first order signed"),
    N_("Account executive"),
    N_("Order form; contract template"),
    N_("Signed order or purchase order received") },
};

static const RapportTemplateAction repeat5_repeat[] = {
  { N_("Check delivery and satisfaction after the first order"),
    N_("Account manager"),
    N_("Satisfaction survey; delivery report"),
    N_("Survey answered; any issue fixed within 5 working days") },
  { N_("Schedule a reorder reminder before the client runs out"),
    N_("Account manager"),
    N_("Order history; reorder calendar"),
    N_("Follow-up set 2 weeks before the expected reorder date") },
  { N_("Offer related products and ask for referrals"),
    N_("Account manager"),
    N_("Cross-sell list; referral request template"),
    N_("One cross-sell offer and one referral request per quarter") },
};

static const RapportTemplateStage repeat5_stages[] = {
  { N_("Finding clients"), 10, 14,
    N_("Find clients whose need recurs, so one win can turn into a steady stream of orders."),
    ACTIONS (repeat5_finding) },
  { N_("Client assessment"), 25, 14,
    N_("Judge whether the client can buy and how much and how often they are likely to order."),
    ACTIONS (repeat5_assessment) },
  { N_("Proposal development"), 50, 21,
    N_("Shape an offer that fits the client's buying rhythm and makes reordering easy."),
    ACTIONS (repeat5_proposal) },
  { N_("Decision"), 80, 14,
    N_("Resolve the last objections and get the first order signed."),
    ACTIONS (repeat5_decision) },
  { N_("Securing repeat sales"), 100, 30,
    N_("Keep the client satisfied and in touch so the next order comes to you."),
    ACTIONS (repeat5_repeat) },
};

/* ------------------------------------------------------------------ */
/* 4. Consultative 7 steps                                             */
/* ------------------------------------------------------------------ */

static const RapportTemplateAction consultative7_prospecting[] = {
  { N_("Pick target accounts with a problem you know how to solve"),
    N_("Sales development rep"),
    N_("Ideal customer profile; industry research"),
    N_("25 target accounts, each with a likely problem noted") },
  { N_("Open with an insight about their business, not a pitch"),
    N_("Sales development rep"),
    N_("Industry insight sheet; outreach templates"),
    N_("Replies from at least 1 in 10 contacts; first meeting booked") },
  { N_("Contact every new inbound lead within one hour"),
    N_("Sales development rep"),
    N_("First-call script"),
    N_("First attempt logged within 60 minutes") },
};

static const RapportTemplateAction consultative7_qualification[] = {
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Qualify the opportunity against BANT"),
    N_("Account executive"),
    /* Translators: BANT = Budget, Authority, Need, Timeline */
    N_("BANT call script"),
    N_("BANT answers recorded; at least 3 of 4 met") },
  { N_("Confirm the buyer will invest time in a diagnosis"),
    N_("Account executive"),
    N_("Diagnosis outline; sample findings report"),
    N_("Diagnosis dates and interviewees agreed with the buyer") },
};

static const RapportTemplateAction consultative7_diagnosis[] = {
  { N_("Interview stakeholders about goals and pain points"),
    N_("Account executive"),
    N_("Diagnostic interview guide"),
    N_("At least 3 stakeholders interviewed; findings written up") },
  { N_("Assess the current processes and systems"),
    N_("Solutions engineer"),
    N_("Assessment checklist; site or system access"),
    N_("Current-state report with measured baseline figures") },
  { N_("Agree the problem statement and success criteria"),
    N_("Account executive"),
    N_("Success criteria template"),
    N_("Buyer signs off the problem and 3 measurable success criteria") },
};

static const RapportTemplateAction consultative7_proposal[] = {
  { N_("Design a solution that meets each success criterion"),
    N_("Solutions engineer"),
    N_("Solution design template; diagnosis findings"),
    N_("Every success criterion mapped to part of the solution") },
  { N_("Build the business case with the buyer's own figures"),
    N_("Account executive"),
    /* Translators: ROI = return on investment */
    N_("Business case template; ROI calculator"),
    N_("Payback period and return agreed by the buyer's finance contact") },
  { N_("Present the proposal with two or three options"),
    N_("Account executive"),
    N_("Proposal template; option pricing sheet"),
    N_("Proposal presented to the decision-maker within 5 working days") },
};

static const RapportTemplateAction consultative7_negotiation[] = {
  { N_("Log every offer, counter-offer, objection and concession"),
    N_("Account executive"),
    N_("Negotiation log"),
    N_("Each exchange recorded with date, ask and answer") },
  { N_("Adjust scope before price when the budget is short"),
    N_("Account executive"),
    N_("Option pricing sheet; phased delivery plan"),
    N_("Revised scope agreed without cutting the unit price") },
  { N_("Approve terms outside standard policy"),
    N_("Sales manager"),
    N_("Discount approval matrix; walk-away price"),
    N_("Final terms within approved limits; every concession traded") },
};

static const RapportTemplateAction consultative7_closing[] = {
  { N_("Confirm the decision and the signing date"),
    N_("Account executive"),
    N_("Closing checklist; mutual action plan"),
    N_("Signing date agreed with the decision-maker") },
  { N_("Get the contract signed and the purchase order issued"),
    N_("Account executive"),
    N_("Contract template; e-signature tool"),
    N_("Signed contract and purchase order received") },
  { N_("Hand over the diagnosis and success criteria to delivery"),
    N_("Account executive"),
    N_("Handover form; diagnosis report"),
    N_("Handover meeting held within 3 working days of signature") },
};

static const RapportTemplateAction consultative7_monitoring[] = {
  { N_("Run the kick-off and name an owner for each success criterion"),
    N_("Customer success manager"),
    N_("Onboarding plan"),
    N_("Kick-off within 5 working days; every criterion has an owner") },
  { N_("Review results against the agreed success criteria"),
    N_("Customer success manager"),
    N_("Business review deck; baseline figures"),
    N_("Reviews held at 30 and 90 days; results compared to baseline") },
  { N_("Ask for a testimonial, a referral and the next project"),
    N_("Account manager"),
    N_("Referral request template; account plan"),
    N_("Reference or referral requested; next opportunity logged") },
};

static const RapportTemplateStage consultative7_stages[] = {
  { N_("Prospecting"), 10, 14,
    N_("Find organizations with a problem you can solve and earn a first meeting."),
    ACTIONS (consultative7_prospecting) },
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Qualification (BANT)"), 20, 14,
    N_("Confirm budget, authority, need and timeline before investing in a diagnosis."),
    ACTIONS (consultative7_qualification) },
  { N_("Diagnosis"), 35, 21,
    N_("Understand the buyer's situation in depth and agree what success looks like."),
    ACTIONS (consultative7_diagnosis) },
  { N_("Proposal"), 55, 14,
    N_("Recommend a solution and a business case built on the diagnosis."),
    ACTIONS (consultative7_proposal) },
  { N_("Negotiation"), 75, 21,
    N_("Reach terms both sides accept while protecting the value of the solution."),
    ACTIONS (consultative7_negotiation) },
  { N_("Closing"), 90, 14,
    N_("Secure the signed contract and pass what was learned to delivery."),
    ACTIONS (consultative7_closing) },
  { N_("Monitoring & after-sales"), 100, 30,
    N_("Make sure the promised results arrive, and turn them into referrals and new business."),
    ACTIONS (consultative7_monitoring) },
};

/* ------------------------------------------------------------------ */
/* 5. Field-sales 7 steps                                              */
/* ------------------------------------------------------------------ */

static const RapportTemplateAction field7_prospecting[] = {
  { N_("Map prospects in your territory and group them by route"),
    N_("Field sales rep"),
    N_("Territory map; lead database"),
    N_("40 prospects per territory, each assigned to a route") },
  { N_("Call ahead to book visits"),
    N_("Field sales rep"),
    N_("Appointment-setting script"),
    N_("At least 8 visits booked per week") },
  { N_("Contact every new inbound lead within one hour"),
    N_("Field sales rep"),
    N_("First-call script"),
    N_("First attempt logged within 60 minutes") },
};

static const RapportTemplateAction field7_preparation[] = {
  { N_("Research the prospect before the visit"),
    N_("Field sales rep"),
    N_("Company website; contact history; local news"),
    N_("Visit brief with 3 likely needs and one goal for the visit") },
  { N_("Pack samples, demo kit and leave-behind material"),
    N_("Field sales rep"),
    N_("Visit checklist; product samples; brochures"),
    N_("Checklist completed the day before the visit") },
  { N_("Plan the route and confirm the appointment"),
    N_("Field sales rep"),
    N_("Route planner; confirmation message template"),
    N_("Appointment confirmed 24 hours ahead") },
};

static const RapportTemplateAction field7_approach[] = {
  { N_("Open with a reason for the visit that matters to them"),
    N_("Field sales rep"),
    N_("Opening statement guide"),
    N_("Buyer agrees to talk about needs within the first 5 minutes") },
  /* Translators: BANT = Budget, Authority, Need, Timeline, a lead-qualification checklist */
  { N_("Ask questions that uncover needs and cover BANT"),
    N_("Field sales rep"),
    /* Translators: BANT = Budget, Authority, Need, Timeline */
    N_("BANT question card"),
    N_("BANT answers recorded; at least 3 of 4 met") },
  { N_("Make sure the person who decides is in the room"),
    N_("Field sales rep"),
    N_("Stakeholder map template"),
    N_("Decision-maker met, or a meeting with them booked") },
};

static const RapportTemplateAction field7_presentation[] = {
  { N_("Demonstrate the product on site against their needs"),
    N_("Field sales rep"),
    N_("Demo kit; product samples"),
    N_("Each of the top 3 needs linked to something shown") },
  { N_("Show proof from similar customers nearby"),
    N_("Field sales rep"),
    N_("Case studies; local customer references"),
    N_("At least one relevant reference shared") },
  { N_("Leave a written quote with price and terms"),
    N_("Field sales rep"),
    N_("Price list; quote template"),
    N_("Written quote handed over and a decision date agreed") },
};

static const RapportTemplateAction field7_objections[] = {
  { N_("Listen, clarify and restate each objection"),
    N_("Field sales rep"),
    N_("Objection handling guide"),
    N_("Each objection logged in the buyer's own words") },
  { N_("Answer with evidence before offering any discount"),
    N_("Field sales rep"),
    N_("Competitor comparison sheet; warranty and service terms"),
    N_("Buyer confirms each objection is resolved, or it is marked open") },
  { N_("Escalate price exceptions to the sales manager"),
    N_("Sales manager"),
    N_("Discount approval matrix"),
    N_("Decision given to the rep within 1 working day") },
};

static const RapportTemplateAction field7_closing[] = {
  { N_("Ask for the order"),
    N_("Field sales rep"),
    N_("Order form; closing checklist"),
    N_("Order signed on the spot, or a firm decision date agreed") },
  { N_("Confirm delivery, installation and payment terms"),
    N_("Field sales rep"),
    N_("Delivery schedule; payment terms sheet"),
    N_("Delivery date and payment method recorded on the order") },
};

static const RapportTemplateAction field7_follow_up[] = {
  { N_("Call or visit after delivery to check satisfaction"),
    N_("Field sales rep"),
    N_("Satisfaction checklist"),
    N_("Customer contacted within 7 days of delivery; issues logged") },
  { N_("Book the next visit in the account's visit cycle"),
    N_("Field sales rep"),
    N_("Visit calendar; account plan"),
    N_("Next visit scheduled before leaving the follow-up") },
  { N_("Ask satisfied customers for referrals nearby"),
    N_("Field sales rep"),
    N_("Referral card"),
    N_("A referral requested from every satisfied customer") },
};

static const RapportTemplateStage field7_stages[] = {
  { N_("Prospecting"), 5, 14,
    N_("Fill the territory with prospects worth a visit and book the visits."),
    ACTIONS (field7_prospecting) },
  { N_("Preparation"), 15, 7,
    N_("Arrive knowing the prospect, with a goal for the visit and everything needed to show."),
    ACTIONS (field7_preparation) },
  { N_("Approach"), 25, 7,
    N_("Win the buyer's attention in the first minutes and uncover real needs."),
    ACTIONS (field7_approach) },
  { N_("Presentation"), 45, 14,
    N_("Show, in person, how the product meets the needs the buyer described."),
    ACTIONS (field7_presentation) },
  { N_("Handling objections"), 65, 14,
    N_("Resolve the buyer's doubts with evidence so nothing stands between them and a yes."),
    ACTIONS (field7_objections) },
  { N_("Closing"), 90, 7,
    N_("Ask for the order and settle delivery and payment."),
    ACTIONS (field7_closing) },
  { N_("Follow-up"), 100, 30,
    N_("Keep the customer satisfied and visited, for repeat orders and referrals."),
    ACTIONS (field7_follow_up) },
};

/* ------------------------------------------------------------------ */
/* The list                                                            */
/* ------------------------------------------------------------------ */

static const RapportTemplate templates[] = {
  { "classic5",
    N_("Classic 5 stages"),
    N_("The classic sales funnel: find, qualify, present, negotiate and close."),
    STAGES (classic5_stages) },
  { "cycle7",
    N_("7-stage cycle"),
    N_("A full B2B sales cycle from first contact through needs analysis to a signed contract."),
    STAGES (cycle7_stages) },
  { "repeat5",
    N_("Repeat-sales 5 steps"),
    N_("For products bought again and again: win the first order, then secure the next ones."),
    STAGES (repeat5_stages) },
  { "consultative7",
    N_("Consultative 7 steps"),
    N_("Solution selling: diagnose the buyer's problem, prove the value, then see the results through."),
    STAGES (consultative7_stages) },
  { "field7",
    N_("Field-sales 7 steps"),
    N_("Face-to-face selling on site visits, from route planning to the follow-up visit."),
    STAGES (field7_stages) },
};

const RapportTemplate *
rapport_templates_get (guint *n_templates)
{
  if (n_templates != NULL)
    *n_templates = G_N_ELEMENTS (templates);

  return templates;
}

const RapportTemplate *
rapport_templates_find (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      if (g_str_equal (templates[i].id, id))
        return &templates[i];
    }

  return NULL;
}

const RapportTemplate *
rapport_templates_default (void)
{
  return &templates[0];
}
