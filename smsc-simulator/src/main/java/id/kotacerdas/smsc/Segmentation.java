package id.kotacerdas.smsc;

/** How an SMSC tells which message a part of a long mobile-originated text belongs to. */
public enum Segmentation {
    /** A user data header with information element 0x00 (8-bit reference), esm_class UDHI. */
    UDH_8BIT_REFERENCE,
    /** A user data header with information element 0x08 (16-bit reference), esm_class UDHI. */
    UDH_16BIT_REFERENCE,
    /** The sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs. */
    SAR_TLVS
}
