package nl.asylumchain.reunification;

/** Where a family member's application stands; the last four are final. */
public enum ReunificationStatus {
    /** Application window open (3 months from the sponsor's permit), no application yet. */
    WINDOW_OPEN,
    APPLIED,
    /** Evidence of the family tie assessed: documents, or a DNA test / embassy interview needed. */
    EVIDENCE_ASSESSED,
    /** DNA test or identifying interview done, outcome recorded. */
    EVIDENCE_RESEARCHED,
    MVV_ISSUED,
    ARRIVED,
    REFUSED,
    MVV_EXPIRED,
    /** No application within the window: the stricter regular route applies. */
    WINDOW_MISSED
}
