package id.kotacerdas.election.crypto.group;

import id.kotacerdas.election.crypto.group.P256Arithmetic.Jacobian;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ with Pippenger's bucket method and signed digits: each scalar is cut into
 * windows of c bits with digits in [−2ᶜ⁻¹, 2ᶜ⁻¹] (a negative digit adds −P, which costs one field negation), so each
 * window needs 2ᶜ⁻¹ buckets and each point costs about 256/c bucket additions.
 *
 * <p>For large inputs every addition is <em>affine</em> and batched ({@link BatchedAdder}): the denominators of a
 * batch of independent additions are inverted at once (Montgomery's trick: 3 multiplications each plus one
 * inversion per batch), so an addition costs about 5 multiplications and 1 squaring instead of 8 and 3 for a mixed
 * Jacobian addition. The points are streamed into the window's buckets, so only the buckets and the batch are
 * accessed at random and stay in cache; a point whose bucket already has an addition in the batch waits for a later
 * batch, and when the waiting points crowd into few buckets (the top digits of 128-bit scalars) they are added
 * pairwise within each bucket instead, round after round. Equal x coordinates are handled wherever they occur: the
 * same point is doubled, a point and its negation cancel. The bucket sums Σ j·Bⱼ of all windows are computed
 * together with running sums over segments of the buckets, so that their additions are batched as well. Small
 * inputs use Jacobian buckets (no inversion to share). The window sums are combined with Jacobian doublings.
 */
final class Msm {

    /** From this many points on, buckets are filled with batched affine additions. */
    static final int AFFINE_THRESHOLD = 512;
    /** Additions staged per batch inversion (an inversion costs about as much as 60 multiplications). */
    private static final int BATCH = 512;
    /** Running-sum chains per window in the batched bucket reduction (at most the number of buckets). */
    private static final int SEGMENTS = 32;
    private static final int[] ONE = {1, 0, 0, 0, 0, 0, 0, 0};

    private final P256Arithmetic arithmetic = new P256Arithmetic();
    private final int n;
    private final int window;
    private final int windows;
    /** Affine coordinates, 16 words per point: x then y. */
    private final int[] coordinates;
    private final int[] scalarWords;
    private final int[] carries;
    private final int[] digits;

    private Msm(int n, int window, int windows) {
        this.n = n;
        this.window = window;
        this.windows = windows;
        this.coordinates = new int[16 * n];
        this.scalarWords = new int[n * 8];
        this.carries = new int[n];
        this.digits = new int[n];
    }

    static ECPoint sum(ECPoint[] points, BigInteger[] scalars, int count) {
        return sum(points, scalars, count, 0, null);
    }

    /** As {@link #sum(int[], BigInteger[], int, int, Boolean)} for BouncyCastle points (infinity is skipped). */
    static ECPoint sum(ECPoint[] points, BigInteger[] scalars, int count, int window, Boolean affine) {
        int[] coordinates = new int[16 * count];
        BigInteger[] kept = new BigInteger[count];
        int finite = 0;
        byte[] buffer = new byte[64];
        for (int i = 0; i < count; i++) {
            if (!points[i].isInfinity()) {
                P256Arithmetic.affine(points[i], coordinates, 16 * finite, buffer);
                kept[finite++] = scalars[i];
            }
        }
        return sum(coordinates, kept, finite, window, affine);
    }

    /**
     * Σ scalars[i]·Pᵢ for i &lt; count, where Pᵢ is the finite point whose affine coordinates are the 16 words at
     * 16·i of {@code coordinates} (x then y, {@link P256Arithmetic} words). {@code window} 0 and {@code affine}
     * null choose by size (tests force them to exercise both bucket strategies on the same inputs).
     */
    static ECPoint sum(int[] coordinates, BigInteger[] scalars, int count, int window, Boolean affine) {
        int[] kept = new int[count];
        BigInteger[] reduced = new BigInteger[count];
        int n = 0;
        int maxBits = 0;
        long totalBits = 0;
        for (int i = 0; i < count; i++) {
            BigInteger k = scalars[i];
            if (k.signum() < 0 || k.compareTo(Group.ORDER) >= 0) {
                k = k.mod(Group.ORDER);
            }
            if (k.signum() != 0) {
                reduced[n] = k;
                kept[n++] = i;
                maxBits = Math.max(maxBits, k.bitLength());
                totalBits += k.bitLength();
            }
        }
        if (n == 0) {
            return Group.INFINITY;
        }
        boolean useAffine = affine != null ? affine : n >= AFFINE_THRESHOLD;
        int c = window > 0 ? window : chooseWindow(totalBits, maxBits, useAffine);
        // the top window's digit is below 2^(maxBits mod c) plus a carry, so it never carries further
        Msm msm = new Msm(n, c, maxBits / c + 1);
        for (int j = 0; j < n; j++) {
            System.arraycopy(coordinates, 16 * kept[j], msm.coordinates, 16 * j, 16);
            P256Arithmetic.words(reduced[j], msm.scalarWords, 8 * j);
        }
        return msm.arithmetic.toPoint(useAffine ? msm.affineSum() : msm.jacobianSum());
    }

    /** Minimises the estimated field multiplications: bucket additions plus bucket sums plus doublings. */
    private static int chooseWindow(long totalBits, int maxBits, boolean affine) {
        double perAddition = affine ? 7.0 : 11.0;
        double perBucket = affine ? 14.0 : 27.0;
        int best = 2;
        double bestCost = Double.MAX_VALUE;
        for (int c = 2; c <= 16; c++) {
            int windows = maxBits / c + 1;
            double cost = (double) totalBits / c * perAddition + windows * (double) (1 << (c - 1)) * perBucket
                    + windows * c * 8.0;
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /** The signed digits of window w for every point (windows are processed from the lowest, carrying upward). */
    private void computeDigits(int w) {
        int shift = w * window;
        int word = shift >>> 5;
        int offset = shift & 31;
        int mask = (1 << window) - 1;
        int half = 1 << (window - 1);
        for (int i = 0; i < n; i++) {
            int raw = 0;
            if (word < 8) {
                int base = 8 * i + word;
                raw = scalarWords[base] >>> offset;
                if (offset + window > 32 && word + 1 < 8) {
                    raw |= scalarWords[base + 1] << (32 - offset);
                }
                raw &= mask;
            }
            raw += carries[i];
            if (raw > half) {
                raw -= 1 << window;
                carries[i] = 1;
            } else {
                carries[i] = 0;
            }
            digits[i] = raw;
        }
    }

    /** Σ over windows of 2^(c·w)·Sw, highest window first. */
    private Jacobian combine(Jacobian[] windowSums) {
        Jacobian total = windowSums[windows - 1];
        for (int w = windows - 2; w >= 0; w--) {
            for (int d = 0; d < window; d++) {
                arithmetic.twice(total);
            }
            arithmetic.add(total, windowSums[w]);
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Small inputs: Jacobian buckets

    private Jacobian jacobianSum() {
        int buckets = 1 << (window - 1);
        Jacobian[] bucket = new Jacobian[buckets];
        for (int b = 0; b < buckets; b++) {
            bucket[b] = new Jacobian();
        }
        int[] x = new int[8];
        int[] y = new int[8];
        Jacobian[] windowSums = new Jacobian[windows];
        for (int w = 0; w < windows; w++) {
            computeDigits(w);
            for (Jacobian b : bucket) {
                b.setInfinity();
            }
            for (int i = 0; i < n; i++) {
                int digit = digits[i];
                if (digit != 0) {
                    System.arraycopy(coordinates, 16 * i, x, 0, 8);
                    System.arraycopy(coordinates, 16 * i + 8, y, 0, 8);
                    if (digit < 0) {
                        SecP256R1Field.negate(y, y);
                    }
                    arithmetic.addAffine(bucket[Math.abs(digit) - 1], x, y);
                }
            }
            Jacobian running = new Jacobian();
            Jacobian sum = new Jacobian();
            for (int b = buckets - 1; b >= 0; b--) {
                arithmetic.add(running, bucket[b]);
                arithmetic.add(sum, running);
            }
            windowSums[w] = sum;
        }
        return combine(windowSums);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Large inputs: batched affine additions

    private Jacobian affineSum() {
        int buckets = 1 << (window - 1);
        // every window's buckets, kept for the batched bucket sums: slot w·buckets + j holds digit j + 1
        BatchedAdder bucketAdder = new BatchedAdder(buckets, Math.min(BATCH, Math.max(1, n / 2)));
        int[] allBuckets = new int[16 * windows * buckets];
        boolean[] allFilled = new boolean[windows * buckets];
        int[] queue = new int[64];
        for (int w = 0; w < windows; w++) {
            computeDigits(w);
            bucketAdder.clear();
            int queued = 0;
            for (int i = 0; i < n; i++) {
                int digit = digits[i];
                if (digit != 0) {
                    int b = Math.abs(digit) - 1;
                    if (bucketAdder.busy(b)) {
                        if (queued == queue.length) {
                            queue = Arrays.copyOf(queue, queued * 2);
                        }
                        queue[queued++] = i;
                    } else {
                        stagePoint(bucketAdder, i, digit, b);
                    }
                }
            }
            bucketAdder.flush();
            while (queued > 0) {
                // points that found their bucket busy: retry them while that makes good progress (the waits are
                // spread over many buckets), otherwise add them pairwise per bucket
                int before = queued;
                int[] waiting = Arrays.copyOf(queue, before);
                queued = 0;
                for (int i : waiting) {
                    int b = Math.abs(digits[i]) - 1;
                    if (bucketAdder.busy(b)) {
                        queue[queued++] = i;
                    } else {
                        stagePoint(bucketAdder, i, digits[i], b);
                    }
                }
                bucketAdder.flush();
                if (2 * queued > before) {
                    addWaiting(bucketAdder, buckets, queue, queued);
                    queued = 0;
                }
            }
            for (int b = 0; b < buckets; b++) {
                int slot = w * buckets + b;
                if (bucketAdder.filled[b]) {
                    allFilled[slot] = true;
                    System.arraycopy(bucketAdder.x[b], 0, allBuckets, 16 * slot, 8);
                    System.arraycopy(bucketAdder.y[b], 0, allBuckets, 16 * slot + 8, 8);
                }
            }
        }
        return combine(bucketSums(buckets, allBuckets, allFilled));
    }

    /**
     * Adds the points that found their bucket busy: they are grouped by bucket and added pairwise within each group,
     * round after round (all pairs of a round form one batch), until one point per bucket is left, which then goes
     * into the bucket. This stays efficient when many points share few buckets (e.g. the top digits of short
     * scalars), where waiting for a free bucket would take one batch per point.
     */
    private void addWaiting(BatchedAdder bucketAdder, int buckets, int[] queue, int queued) {
        int[] groupOf = new int[buckets];
        Arrays.fill(groupOf, -1);
        int[] groupBucket = new int[Math.min(buckets, queued)];
        int[] groupLength = new int[groupBucket.length];
        int groups = 0;
        for (int k = 0; k < queued; k++) {
            int b = Math.abs(digits[queue[k]]) - 1;
            if (groupOf[b] < 0) {
                groupOf[b] = groups;
                groupBucket[groups++] = b;
            }
            groupLength[groupOf[b]]++;
        }
        int[] groupStart = new int[groups];
        for (int g = 1; g < groups; g++) {
            groupStart[g] = groupStart[g - 1] + groupLength[g - 1];
        }
        int[] next = Arrays.copyOf(groupStart, groups);
        BatchedAdder pairs = new BatchedAdder(queued, Math.max(1, queued / 2));
        int[] live = new int[queued];
        for (int k = 0; k < queued; k++) {
            int i = queue[k];
            int slot = next[groupOf[Math.abs(digits[i]) - 1]]++;
            System.arraycopy(coordinates, 16 * i, pairs.x[slot], 0, 8);
            System.arraycopy(coordinates, 16 * i + 8, pairs.y[slot], 0, 8);
            if (digits[i] < 0) {
                SecP256R1Field.negate(pairs.y[slot], pairs.y[slot]);
            }
            pairs.filled[slot] = true;
            live[slot] = slot;
        }
        boolean more = true;
        while (more) {
            more = false;
            for (int g = 0; g < groups; g++) {
                int start = groupStart[g];
                for (int j = 0; j + 1 < groupLength[g]; j += 2) {
                    int source = live[start + j + 1];
                    Nat256.copy(pairs.x[source], pairs.nextX());
                    Nat256.copy(pairs.y[source], pairs.nextY());
                    pairs.stage(live[start + j]);
                }
            }
            pairs.flush();
            for (int g = 0; g < groups; g++) {
                int start = groupStart[g];
                int length = groupLength[g];
                int out = start;
                for (int j = 0; j + 1 < length; j += 2) {
                    if (pairs.filled[live[start + j]]) {
                        live[out++] = live[start + j];
                    }
                }
                if ((length & 1) == 1) {
                    live[out++] = live[start + length - 1];
                }
                groupLength[g] = out - start;
                more |= groupLength[g] > 1;
            }
        }
        for (int g = 0; g < groups; g++) {
            if (groupLength[g] == 1) {
                int slot = live[groupStart[g]];
                Nat256.copy(pairs.x[slot], bucketAdder.nextX());
                Nat256.copy(pairs.y[slot], bucketAdder.nextY());
                bucketAdder.stage(groupBucket[g]);
            }
        }
        bucketAdder.flush();
    }

    private void stagePoint(BatchedAdder adder, int i, int digit, int bucket) {
        int[] x = adder.nextX();
        int[] y = adder.nextY();
        System.arraycopy(coordinates, 16 * i, x, 0, 8);
        System.arraycopy(coordinates, 16 * i + 8, y, 0, 8);
        if (digit < 0) {
            SecP256R1Field.negate(y, y);
        }
        adder.stage(bucket);
    }

    /**
     * Sw = Σⱼ (j + 1)·B(w, j) for every window. The buckets of a window are cut into segments of length L; chain
     * (w, s) runs from the top of its segment down, R += Bⱼ then T += R, so that R = Σ Bⱼ and T = Σ (j − s·L + 1)·Bⱼ
     * over the segment; all chains step together, so each step is two batches of independent additions. Then
     * Sw = Σₛ Tₛ + L·Σₛ s·Rₛ, the last sum again by running sums (Jacobian, few terms).
     */
    private Jacobian[] bucketSums(int buckets, int[] allBuckets, boolean[] allFilled) {
        int segments = Math.min(SEGMENTS, buckets);
        int length = buckets / segments;
        int chains = windows * segments;
        // slots 0..chains−1 hold R, chains..2·chains−1 hold T
        BatchedAdder adder = new BatchedAdder(2 * chains, Math.max(1, chains));
        for (int step = length - 1; step >= 0; step--) {
            for (int chain = 0; chain < chains; chain++) {
                int w = chain / segments;
                int j = (chain % segments) * length + step;
                int slot = w * buckets + j;
                if (allFilled[slot]) {
                    System.arraycopy(allBuckets, 16 * slot, adder.nextX(), 0, 8);
                    System.arraycopy(allBuckets, 16 * slot + 8, adder.nextY(), 0, 8);
                    adder.stage(chain);
                }
            }
            adder.flush();
            for (int chain = 0; chain < chains; chain++) {
                if (adder.filled[chain]) {
                    Nat256.copy(adder.x[chain], adder.nextX());
                    Nat256.copy(adder.y[chain], adder.nextY());
                    adder.stage(chains + chain);
                }
            }
            adder.flush();
        }
        Jacobian[] windowSums = new Jacobian[windows];
        for (int w = 0; w < windows; w++) {
            Jacobian sum = new Jacobian();
            Jacobian running = new Jacobian();
            Jacobian weighted = new Jacobian();
            for (int s = segments - 1; s >= 0; s--) {
                int chain = w * segments + s;
                if (s > 0) {
                    if (adder.filled[chain]) {
                        arithmetic.addAffine(running, adder.x[chain], adder.y[chain]);
                    }
                    arithmetic.add(weighted, running);          // Σ s·Rₛ
                }
                if (adder.filled[chains + chain]) {
                    arithmetic.addAffine(sum, adder.x[chains + chain], adder.y[chains + chain]);
                }
            }
            for (int d = length; d > 1; d >>= 1) {
                arithmetic.twice(weighted);                     // L is a power of two
            }
            arithmetic.add(sum, weighted);
            windowSums[w] = sum;
        }
        return windowSums;
    }

    /**
     * Affine target slots (x, y, or empty) to which points are added in batches sharing one field inversion. A slot
     * takes at most one staged addition per batch ({@link #busy}). The point to add is written into
     * {@link #nextX()}/{@link #nextY()} before {@link #stage}.
     */
    private final class BatchedAdder {

        private static final byte ADD = 0;
        private static final byte DOUBLE = 1;

        final int[][] x;
        final int[][] y;
        final boolean[] filled;
        private final int[] stagedIn;
        private int batchNumber = 1;
        private final int capacity;
        private final int[] entryTarget;
        private final byte[] entryKind;
        private final int[][] entryX;
        private final int[][] entryY;
        private final int[][] denominators;
        private final int[][] products;
        private int staged;
        private final int[] lambda = new int[8];
        private final int[] numerator = new int[8];
        private final int[] inverse = new int[8];
        private final int[] temp = new int[8];
        private final int[] newX = new int[8];

        BatchedAdder(int slots, int capacity) {
            this.x = new int[slots][8];
            this.y = new int[slots][8];
            this.filled = new boolean[slots];
            this.stagedIn = new int[slots];
            this.capacity = capacity;
            this.entryTarget = new int[capacity];
            this.entryKind = new byte[capacity];
            this.entryX = new int[capacity][8];
            this.entryY = new int[capacity][8];
            this.denominators = new int[capacity][8];
            this.products = new int[capacity][8];
        }

        void clear() {
            Arrays.fill(filled, false);
        }

        boolean busy(int slot) {
            return stagedIn[slot] == batchNumber;
        }

        int[] nextX() {
            return entryX[staged];
        }

        int[] nextY() {
            return entryY[staged];
        }

        /** slot ← slot + (nextX, nextY): copied into an empty slot, staged otherwise (flushing a full batch). */
        void stage(int slot) {
            int[] px = entryX[staged];
            int[] py = entryY[staged];
            if (!filled[slot]) {
                Nat256.copy(px, x[slot]);
                Nat256.copy(py, y[slot]);
                filled[slot] = true;
                return;
            }
            int[] denominator = denominators[staged];
            if (!Nat256.eq(px, x[slot])) {
                SecP256R1Field.subtract(px, x[slot], denominator);           // x2 − x1
                entryKind[staged] = ADD;
            } else if (Nat256.eq(py, y[slot]) && !Nat256.isZero(py)) {
                SecP256R1Field.twice(py, denominator);                       // 2·y1: a doubling
                entryKind[staged] = DOUBLE;
            } else {
                filled[slot] = false;                                        // P + (−P) = O
                return;
            }
            entryTarget[staged] = slot;
            stagedIn[slot] = batchNumber;
            if (++staged == capacity) {
                flush();
            }
        }

        /** Inverts the staged denominators at once (Montgomery's trick) and applies the staged additions. */
        void flush() {
            int count = staged;
            staged = 0;
            batchNumber++;
            if (count == 0) {
                return;
            }
            Nat256.copy(denominators[0], products[0]);
            for (int q = 1; q < count; q++) {
                arithmetic.multiply(products[q - 1], denominators[q], products[q]);
            }
            SecP256R1Field.inv(products[count - 1], inverse);
            for (int q = count - 1; q > 0; q--) {
                arithmetic.multiply(inverse, products[q - 1], temp);         // 1/dq
                arithmetic.multiply(inverse, denominators[q], inverse);      // 1/(d0·…·dq−1)
                apply(q, temp);
            }
            apply(0, inverse);
        }

        /** λ = (y2 − y1)/(x2 − x1) or (3·x1² + a)/(2·y1); x3 = λ² − x1 − x2; y3 = λ·(x1 − x3) − y1. */
        private void apply(int q, int[] denominatorInverse) {
            int slot = entryTarget[q];
            int[] x1 = x[slot];
            int[] y1 = y[slot];
            if (entryKind[q] == ADD) {
                SecP256R1Field.subtract(entryY[q], y1, numerator);
            } else {
                arithmetic.square(x1, numerator);
                SecP256R1Field.subtract(numerator, ONE, numerator);
                SecP256R1Field.twice(numerator, lambda);
                SecP256R1Field.add(lambda, numerator, numerator);            // 3·x1² − 3
            }
            arithmetic.multiply(numerator, denominatorInverse, lambda);
            arithmetic.square(lambda, newX);
            SecP256R1Field.subtract(newX, x1, newX);
            SecP256R1Field.subtract(newX, entryX[q], newX);                  // x3
            SecP256R1Field.subtract(x1, newX, numerator);
            arithmetic.multiply(lambda, numerator, numerator);
            SecP256R1Field.subtract(numerator, y1, y1);                      // y3
            Nat256.copy(newX, x1);
        }
    }
}
