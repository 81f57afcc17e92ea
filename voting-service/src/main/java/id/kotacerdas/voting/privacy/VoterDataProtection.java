package id.kotacerdas.voting.privacy;

import id.kotacerdas.support.privacy.FieldCipher;
import id.kotacerdas.support.privacy.KeyedHash;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps voters' personal data unreadable at rest: the NIK only as a keyed hash (so the 16-digit space cannot
 * be brute-forced without the key) and names and phone numbers sealed with AES-GCM.
 */
@Component
public class VoterDataProtection {

    private final FieldCipher cipher;
    private final KeyedHash nikHash;

    public VoterDataProtection(@Value("${kotacerdas.voting.data-key:${VOTING_DATA_KEY:}}") String dataKey,
                               @Value("${kotacerdas.voting.nik-hash-key:${VOTING_NIK_HASH_KEY:}}") String nikHashKey) {
        this.cipher = FieldCipher.fromBase64Key("VOTING_DATA_KEY", dataKey);
        this.nikHash = KeyedHash.fromBase64Key("VOTING_NIK_HASH_KEY", nikHashKey);
    }

    public String nikHash(String nik) {
        return nikHash.hexOf(nik);
    }

    /** @return base64 of IV followed by ciphertext and tag; null stays null */
    public String encrypt(String plain) {
        return cipher.seal(plain, null);
    }

    public String decrypt(String sealed) {
        return cipher.open(sealed, null);
    }
}
