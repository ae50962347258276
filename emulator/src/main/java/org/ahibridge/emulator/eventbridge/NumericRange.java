package org.ahibridge.emulator.eventbridge;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code numeric} filter: one comparison ({@code ["<", 10]}, {@code ["=", 3.0]}) or a range with a
 * lower and an upper bound ({@code [">", 0, "<=", 5]}). Only JSON numbers in the event match.
 */
record NumericRange(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
        implements ValueMatcher {

    static NumericRange parse(JsonNode operand) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            throw new InvalidEventPatternException("Value of numeric must be an array of 2 or 4 items, found " + operand);
        }
        NumericRange range = new NumericRange(null, false, null, false);
        for (int i = 0; i < operand.size(); i += 2) {
            String op = ValueMatcher.text(operand.get(i), "numeric operator");
            JsonNode bound = operand.get(i + 1);
            if (!bound.isNumber()) {
                throw new InvalidEventPatternException("Value of " + op + " must be a number, found " + bound);
            }
            range = range.with(op, bound.decimalValue(), i == 0, operand.size() == 4);
        }
        return range;
    }

    private NumericRange with(String op, BigDecimal bound, boolean first, boolean isRange) {
        if (op.equals("=") && !isRange) {
            return new NumericRange(bound, true, bound, true);
        }
        boolean lowerOp = op.equals(">") || op.equals(">=");
        boolean upperOp = op.equals("<") || op.equals("<=");
        if (!lowerOp && !upperOp) {
            throw new InvalidEventPatternException("Unrecognized numeric range operator: " + op);
        }
        if (isRange && (first != lowerOp)) {
            throw new InvalidEventPatternException("A numeric range needs a lower bound (> or >=) then an upper bound (< or <=)");
        }
        if (isRange && !first && lower.compareTo(bound) >= 0) {
            throw new InvalidEventPatternException("Bottom must be less than top");
        }
        boolean inclusive = op.endsWith("=");
        return lowerOp ? new NumericRange(bound, inclusive, upper, upperInclusive)
                : new NumericRange(lower, lowerInclusive, bound, inclusive);
    }

    @Override
    public boolean matches(JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        BigDecimal number = value.decimalValue();
        if (lower != null) {
            int c = number.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = number.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }
}
