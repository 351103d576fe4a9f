package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveFieldsTest {
    private final SensitiveFields builtIn = SensitiveFields.builtIn();

    @ParameterizedTest
    @ValueSource(strings = {
        // passwords in every style, nested and numbered
        "password", "PASSWORD", "passwd", "pwd", "pass", "pass1", "pass2", "passcode", "passphrase",
        "password_confirmation", "passwordConfirm", "confirmPassword", "confirm-password", "new_password",
        "current-password", "user[password]", "user.password", "user[credentials][password]", "j_password",
        "UserPassword", "newpassword", "password2", "signup.pwd", "Passwort", "senha",
        // secrets, tokens, CSRF
        "secret", "client_secret", "clientSecret", "secret_key", "token", "access_token", "auth_token",
        "refresh_token", "id_token", "idToken", "_token", "csrf", "_csrf", "csrf_token", "csrfmiddlewaretoken",
        "xsrf", "X-XSRF-TOKEN", "authenticity_token", "__RequestVerificationToken", "recaptcha_token",
        // auth and sessions
        "auth", "authorization", "Authorization", "oauth_code", "session", "session_id", "sessionId",
        "JSESSIONID", "PHPSESSID", "sid", "cookie", "user[session][id]", "credentials",
        // keys
        "api_key", "apikey", "api-key", "apiKey", "APIKey", "API_KEY", "x-api-key", "key", "private_key",
        "privateKey", "secretKey", "account.api.key", "license[key]",
        // payment cards
        "card", "card_number", "cardNumber", "card-number", "cardno", "creditCard", "credit_card_number",
        "cc_number", "ccnum", "cc-exp", "payment[card][number]", "cvv", "CVV2", "cvc", "card_cvc", "csc",
        "security_code", "securityCode", "pan",
        // identity and bank
        "ssn", "social_security_number", "socialSecurityNumber", "iban", "bank.iban", "account_number",
        "accountNumber", "routing_number", "bic", "sort_code", "passport_number", "aadhaar",
        // one-time codes and signatures
        "pin", "pin_code", "pincode", "atm_pin", "otp", "otp_code", "mfa", "mfa_code", "2fa", "2FA_code",
        "totp", "verification_code", "jwt", "bearer", "signature", "hmac_signature", "security_answer",
        // tax identifiers: compounds inside longer names, whole words in any case
        "tax_id", "taxId", "TaxID", "taxid", "user[tax_id]", "user.taxId", "billing_tax_id", "user_taxid",
        "tax-id-number", "tax_identification_number", "TaxIdentificationNumber", "tax_number", "taxNumber",
        "tax_no", "taxpayer_id", "taxpayerId", "taxpayer_number", "tin", "TIN", "tin_number", "user[tin]",
        "itin", "ein", "EIN", "companyEIN", "company[ein]", "nino", "NINO", "ni_no", "ni_number",
        "national_insurance_number", "nationalInsuranceNo", "sin", "SIN", "sin_number",
        "social_insurance_number", "cpf", "user[cpf]", "nif", "nie", "dni", "pesel", "bsn",
        "burgerservicenummer", "personnummer", "personNummer", "steuer_id", "SteuerID",
        "steueridentifikationsnummer", "steuernummer", "steuer_nr", "codice_fiscale", "codiceFiscale",
        "national_id", "user_national_id", "bank_sort_code", "bank_account_no", "tax_id_type",
        // second factors and account recovery
        "backup_code", "backup_codes", "backupCodes", "backup_codes[]", "recovery_code", "recoveryCodes",
        "recovery_codes[0]", "recovery_key", "recoveryKey", "recovery_phrase", "seed_phrase", "mnemonic",
        "wallet.mnemonic", "totp_secret", "two_factor_code", "twoFactorCode", "2fa_code", "mfa_code",
        "one_time_code", "oneTimeCode", "security_question", "securityQuestion", "security_question_1",
        "user[security][answer]", "mothers_maiden_name", "motherMaidenName", "maiden_name", "user.maidenName"})
    void blocksSensitiveNames(String name) {
        assertTrue(builtIn.isSensitive(name), name + " must be sensitive");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "email", "user[email]", "user.email", "name", "first_name", "lastName", "phone", "city", "country",
        "company", "company_size", "monkey", "turkey", "keyword", "keyboard_layout", "keynote", "passport_country",
        "passenger_name", "author", "authority", "sidebar", "side", "inside_sales", "pinterest_url", "spinner",
        "description", "occupation", "accuracy", "success_url", "account_name", "account_type", "bicycle",
        "cardinal", "discard_reason", "tokyo_office", "signup_source", "referral_code", "coupon_code",
        "promo_code", "zip_code", "postal_code", "plan", "newsletter", "job_title", "utm_source", "created_at",
        "date_of_birth_at", "compass", "user[first_name]", "address.street", "message",
        // Near-misses of the tax and recovery entries, passing by choice: the short IDs (tin, sin, nie
        // ...) only as whole words; tax status and business registration numbers (VAT, GSTIN, CNPJ:
        // printed on invoices, in public registers) are what a B2B CRM wants; `taxid` is a compound,
        // not a fragment, so taxi and taxidermy pass; recovery contact channels and a birthday pass.
        "tint", "tinder_handle", "latin_name", "martin", "destination", "single", "single_sign_on",
        "business", "businessName", "since", "casino", "cinema", "nine", "ninja", "pineapple", "einstein",
        "reinstate", "being", "niece", "nifty", "dnipro_office", "bsnl_circle", "personnel", "person_number",
        "company_name", "companyName", "job_title", "title", "vat_registered", "vat_number", "vatNumber",
        "gstin", "gst_number", "cnpj", "tax_exempt", "taxExempt", "tax_country", "tax_rate", "taxonomy",
        "taxidermy", "taxi_driver", "taxi_driver_id", "fiscal_year_end", "insurance_provider",
        "health_insurance", "nationality", "backup_email", "backupEmail", "backup_phone", "recovery_email",
        "recoveryEmail", "recovery_phone", "backup_plan", "seed_round", "one_time_offer", "security_level",
        "maiden_voyage", "mother_name", "birthday", "date_of_birth"})
    void letsOrdinaryNamesThrough(String name) {
        assertFalse(builtIn.isSensitive(name), name + " must not be sensitive");
    }

    @Test
    void extraPatternsAddToTheBuiltInList() {
        SensitiveFields withExtras = SensitiveFields.withExtras(List.of("*birth*", "internal_note", "User[Internal_Ref]", " "));
        assertTrue(withExtras.isSensitive("date_of_birth"));
        assertTrue(withExtras.isSensitive("birthday"));
        assertTrue(withExtras.isSensitive("internal_note"));
        assertTrue(withExtras.isSensitive("user[internal_note]"), "a pattern also matches one segment");
        assertTrue(withExtras.isSensitive("user.internal_ref"), "patterns are normalised like names");
        assertTrue(withExtras.isSensitive("password"), "extras never replace the built-in list");
        assertFalse(withExtras.isSensitive("internal_notes"));
        assertFalse(withExtras.isSensitive("email"));
        assertFalse(builtIn.isSensitive("user.internal_ref"), "the pattern is the only reason");
    }

    @Test
    void controlCharactersCannotHideAName() {
        assertTrue(builtIn.isSensitive("pass\r\nword"));
        assertTrue(builtIn.isSensitive("user[pass\u0000word]"));
    }

    @Test
    void aLongNameIsCheckedBeyondThePayloadNameCap() {
        assertTrue(builtIn.isSensitive("x".repeat(FieldNames.MAX_NAME_LENGTH + 10) + "_password"));
    }

    @Test
    void splitsSnakeKebabCamelAndAcronyms() {
        assertEquals(List.of("api", "key"), SensitiveFields.words("APIKey"));
        assertEquals(List.of("card", "number", "2"), SensitiveFields.words("cardNumber_2"));
        assertEquals(List.of("x", "xsrf", "token"), SensitiveFields.words("X-XSRF-TOKEN"));
        assertEquals(List.of("2fa", "code"), SensitiveFields.words("2FA_code"));
        assertEquals(List.of("monkey"), SensitiveFields.words("monkey"));
    }
}
