package io.unimember.coupon.campaigns;

import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign administration for admins, and for a BU with {@code bu:campaigns} over the campaigns it funds. */
@RestController
class CampaignController {

    static final String ID = "^[A-Za-z0-9._:-]{1,64}$";

    private final CampaignAdmin admin;
    private final CampaignStore store;
    private final CampaignReports reports;

    CampaignController(CampaignAdmin admin, CampaignStore store, CampaignReports reports) {
        this.admin = admin;
        this.store = store;
        this.reports = reports;
    }

    record CampaignList(List<CampaignView> items) {}

    record AuditList(List<CampaignStore.AuditEntry> items) {}

    /**
     * Creates a campaign as a DRAFT, which does nothing until it is activated. Admins create any, a BU client with
     * bu:campaigns only campaigns it funds (else 403 FUNDING_BU_NOT_OWNED). The rules across fields are checked, among
     * them a schedule that ends in the future and after it starts, a supported trigger and at most one GRANT_COUPON
     * action: a broken one is 400 naming the field. Each call creates another campaign.
     */
    @PostMapping("/api/v1/admin/campaigns")
    @Creates("the campaign is created as a DRAFT")
    ResponseEntity<CampaignView> create(Caller caller, @Valid @RequestBody CampaignRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CampaignView.of(admin.create(caller, request)));
    }

    /**
     * Lists campaigns, newest first, optionally only those of one status. Admins see every campaign, a BU client with
     * bu:campaigns only those it funds. At most limit of them (50 unless asked, up to 200).
     */
    @GetMapping("/api/v1/admin/campaigns")
    CampaignList list(
            Caller caller,
            @RequestParam(required = false) @Nullable CampaignStatus status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        String bu = caller.isAdmin()
                ? null
                : caller.bu(); // an admin sees every BU's; a BU only its own (a BU token without one is 403
        // WRONG_PRINCIPAL)
        return new CampaignList(
                store.list(bu, status, limit).stream().map(CampaignView::of).toList());
    }

    /**
     * Reads a campaign: its rules, schedule, status and version. Admins, or a BU client with bu:campaigns for the
     * campaigns it funds (another BU's is 404 CAMPAIGN_NOT_FOUND, as is an unknown id).
     */
    @GetMapping("/api/v1/admin/campaigns/{campaignId}")
    CampaignView get(Caller caller, @PathVariable @Pattern(regexp = ID) String campaignId) {
        return CampaignView.of(admin.find(caller, campaignId));
    }

    /**
     * Replaces a campaign's definition while it is a DRAFT or PAUSED. An ACTIVE or ENDED campaign is 409
     * CAMPAIGN_NOT_EDITABLE (pause it first). Admins, or a BU client with bu:campaigns for the campaigns it funds
     * (another BU's is 404 CAMPAIGN_NOT_FOUND, as is an unknown id). A fundingBu the BU does not fund is 403
     * FUNDING_BU_NOT_OWNED, and the rules are checked as on create. Each change writes a new version and its audit
     * entry.
     */
    @PutMapping("/api/v1/admin/campaigns/{campaignId}")
    CampaignView update(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String campaignId,
            @Valid @RequestBody CampaignRequest request) {
        return CampaignView.of(admin.update(caller, campaignId, request));
    }

    /**
     * Activates a DRAFT or PAUSED campaign, so it acts within its schedule. Any other status, ACTIVE included, is 409
     * CAMPAIGN_TRANSITION_NOT_ALLOWED, and a campaign whose schedule has ended is 409 CAMPAIGN_OVER. Admins, or a BU
     * client with bu:campaigns for the campaigns it funds (another BU's is 404 CAMPAIGN_NOT_FOUND, as is an unknown
     * id). Audited.
     */
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/activate")
    CampaignView activate(Caller caller, @PathVariable @Pattern(regexp = ID) String campaignId) {
        return CampaignView.of(admin.move(caller, campaignId, CampaignStatus.ACTIVE));
    }

    /**
     * Pauses an active campaign: it stops acting and may be edited. Only an ACTIVE campaign can be paused (else 409
     * CAMPAIGN_TRANSITION_NOT_ALLOWED); activating it again resumes it. Admins, or a BU client with bu:campaigns for
     * the campaigns it funds (another BU's is 404 CAMPAIGN_NOT_FOUND, as is an unknown id). Audited.
     */
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/pause")
    CampaignView pause(Caller caller, @PathVariable @Pattern(regexp = ID) String campaignId) {
        return CampaignView.of(admin.move(caller, campaignId, CampaignStatus.PAUSED));
    }

    /**
     * Ends a campaign for good. From DRAFT, ACTIVE or PAUSED; an ENDED campaign moves no more, so ending it again is
     * 409 CAMPAIGN_TRANSITION_NOT_ALLOWED. Admins, or a BU client with bu:campaigns for the campaigns it funds (another
     * BU's is 404 CAMPAIGN_NOT_FOUND, as is an unknown id). Audited.
     */
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/end")
    CampaignView end(Caller caller, @PathVariable @Pattern(regexp = ID) String campaignId) {
        return CampaignView.of(admin.move(caller, campaignId, CampaignStatus.ENDED));
    }

    /** Every change to the campaign, oldest first: who, when, and the campaign before and after. */
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/audit")
    AuditList audit(Caller caller, @PathVariable @Pattern(regexp = ID) String campaignId) {
        admin.find(caller, campaignId);
        return new AuditList(store.auditOf(campaignId));
    }

    /** What the campaign issued and cost and, with a split, treatment against holdout in the window after assignment. */
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/report")
    UpliftReport report(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String campaignId,
            @RequestParam(defaultValue = "30") @Min(1) @Max(365) int windowDays) {
        Campaign c = admin.find(caller, campaignId);
        var totals = reports.totals(campaignId);
        if (c.split() == null) {
            return new UpliftReport(
                    campaignId,
                    totals.issued(),
                    totals.redeemed(),
                    totals.costFen(),
                    windowDays,
                    null,
                    null,
                    null,
                    null);
        }
        var members = reports.members(campaignId, windowDays);
        var treated = members.stream().filter(m -> !m.holdout()).toList();
        var held =
                members.stream().filter(CampaignReports.MemberResult::holdout).toList();
        var t = UpliftReport.Sample.of(treated.stream()
                .mapToLong(CampaignReports.MemberResult::spendFen)
                .toArray());
        var h = UpliftReport.Sample.of(
                held.stream().mapToLong(CampaignReports.MemberResult::spendFen).toArray());
        double[] diff = UpliftReport.Sample.difference(t, h);
        return new UpliftReport(
                campaignId,
                totals.issued(),
                totals.redeemed(),
                totals.costFen(),
                windowDays,
                arm(treated),
                arm(held),
                diff[0],
                List.of(diff[1], diff[2]));
    }

    private static UpliftReport.Arm arm(List<CampaignReports.MemberResult> members) {
        long n = members.size();
        if (n == 0) {
            return new UpliftReport.Arm(0, 0, 0, 0);
        }
        return new UpliftReport.Arm(
                n,
                members.stream().filter(CampaignReports.MemberResult::redeemed).count() / (double) n,
                members.stream().mapToLong(CampaignReports.MemberResult::orders).sum() / (double) n,
                members.stream()
                                .mapToLong(CampaignReports.MemberResult::spendFen)
                                .sum()
                        / (double) n);
    }
}
