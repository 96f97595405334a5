package nl.asylumchain.departure;

/** What moves the Dublin transfer deadline (Dublin III art. 29(2)); later values give longer deadlines. */
public enum TransferCircumstance {
    NONE,
    IMPRISONED,
    ABSCONDED
}
