package org.integrationevidence.casestudy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISBN-10 or ISBN-13 whose check digit is right, its digits optionally grouped by single hyphens or spaces, such
 * as {@code 978-0-306-40615-7} or {@code 0-306-40615-2}; null is allowed. The shape alone is {@link #PATTERN}.
 */
@Documented
@Constraint(validatedBy = Isbn.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Isbn {

    /** Ten or thirteen digits (an ISBN-10 may end in X), each group parted from the next by one hyphen or space. */
    String PATTERN = "^(?:[0-9][- ]?){9}[0-9Xx]$|^(?:[0-9][- ]?){12}[0-9]$";
    int MAX_LENGTH = 17;
    String RULE = "must be an ISBN-10 or ISBN-13 with a correct check digit, such as 978-0-306-40615-7";

    String message() default RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Isbn, String> {

        /** True when {@code value} has the shape of an ISBN and its check digit is the one its other digits give. */
        public static boolean isValid(String value) {
            if (value == null || !value.matches(PATTERN)) {
                return false;
            }
            String digits = value.replaceAll("[- ]", "").toUpperCase(java.util.Locale.ROOT);
            return digits.length() == 10 ? checks10(digits) : checks13(digits);
        }

        /** ISBN-10: the digits weighted 10 down to 1 (X is 10, last place only) sum to a multiple of 11. */
        private static boolean checks10(String digits) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                char c = digits.charAt(i);
                sum += (10 - i) * (c == 'X' ? 10 : c - '0');
            }
            return sum % 11 == 0;
        }

        /** ISBN-13 (EAN-13): the digits weighted 1, 3, 1, 3, ... sum to a multiple of 10. */
        private static boolean checks13(String digits) {
            int sum = 0;
            for (int i = 0; i < 13; i++) {
                sum += (i % 2 == 0 ? 1 : 3) * (digits.charAt(i) - '0');
            }
            return sum % 10 == 0;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || isValid(value.strip());
        }
    }
}
