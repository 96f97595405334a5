package nl.asylumchain.reception;

/**
 * Where a person stays in reception now, as routing facts only: the location type, and whether they stay as a permit
 * holder and as an unaccompanied minor. Handed from the running system to a forecast "from now", which restores it for
 * the case it places ({@link ReceptionService#restoreStay}).
 */
public record ReceptionStay(LocationType locationType, boolean permitHolder, boolean unaccompaniedMinor) {}
