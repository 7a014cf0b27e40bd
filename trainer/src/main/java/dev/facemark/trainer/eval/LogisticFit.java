package dev.facemark.trainer.eval;

/**
 * A small L2-regularised logistic regression: features standardised to mean 0, sd 1 on the data, then
 * Newton's method (IRLS) on the weighted log-likelihood minus {@code lambda / 2 |w|^2} (the bias is not
 * penalised). Deterministic, a handful of features and a few thousand rows: milliseconds.
 */
public final class LogisticFit {
    /** P(y | x) = 1 / (1 + exp(-(bias + sum_k weights[k] (x_k - mean[k]) / sd[k]))). */
    public record Model(double[] mean, double[] sd, double[] weights, double bias) {
        public double probability(double[] x) {
            double z = bias;
            for (int k = 0; k < weights.length; k++) z += weights[k] * (x[k] - mean[k]) / sd[k];
            return 1 / (1 + Math.exp(-z));
        }
    }

    private LogisticFit() {}

    /**
     * @param x      rows of features (all of one length)
     * @param y      the labels
     * @param w      a weight per row (null: all 1)
     * @param lambda the ridge on the standardised weights, in units of one row's log-likelihood
     */
    public static Model fit(double[][] x, boolean[] y, double[] w, double lambda) {
        int n = x.length;
        if (n == 0 || y.length != n || (w != null && w.length != n)) throw new IllegalArgumentException("need as many labels and weights as rows");
        int d = x[0].length, m = d + 1;
        double[] mean = new double[d], sd = new double[d];
        double total = 0, pos = 0;
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, not " + d);
            double wi = w == null ? 1 : w[i];
            total += wi;
            if (y[i]) pos += wi;
            for (int k = 0; k < d; k++) mean[k] += wi * x[i][k];
        }
        for (int k = 0; k < d; k++) mean[k] /= total;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            for (int k = 0; k < d; k++) sd[k] += wi * (x[i][k] - mean[k]) * (x[i][k] - mean[k]);
        }
        for (int k = 0; k < d; k++) {
            sd[k] = Math.sqrt(sd[k] / total);
            if (!(sd[k] > 1e-12)) sd[k] = 1; // a constant feature: the ridge keeps its weight at 0
        }
        double[][] z = new double[n][m];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int k = 0; k < d; k++) z[i][k + 1] = (x[i][k] - mean[k]) / sd[k];
        }
        double rate = Math.min(0.99, Math.max(0.01, pos / total));
        double[] beta = new double[m];
        beta[0] = Math.log(rate / (1 - rate)); // start from the base rate
        double[] g = new double[m];
        double[][] h = new double[m][m];
        for (int it = 0; it < 100; it++) {
            for (int a = 0; a < m; a++) {
                g[a] = a == 0 ? 0 : -lambda * beta[a];
                for (int b = 0; b < m; b++) h[a][b] = a == b ? (a == 0 ? 1e-9 : lambda) : 0;
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int a = 0; a < m; a++) s += beta[a] * z[i][a];
                double p = 1 / (1 + Math.exp(-s)), wi = w == null ? 1 : w[i], r = wi * ((y[i] ? 1 : 0) - p), c = wi * p * (1 - p);
                for (int a = 0; a < m; a++) {
                    g[a] += r * z[i][a];
                    for (int b = 0; b <= a; b++) h[a][b] += c * z[i][a] * z[i][b];
                }
            }
            for (int a = 0; a < m; a++) for (int b = a + 1; b < m; b++) h[a][b] = h[b][a];
            double[] step = solve(h, g);
            double size = 0;
            for (double v : step) size = Math.max(size, Math.abs(v));
            double damp = Math.max(1, size / 2); // at most 2 per coordinate a step: stays in Newton's basin when nearly separable
            for (int a = 0; a < m; a++) beta[a] += step[a] / damp;
            if (size < 1e-9) break;
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 1, weights, 0, d);
        return new Model(mean, sd, weights, beta[0]);
    }

    /** Solves the symmetric positive definite system {@code a x = b} by Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] t = m[c]; m[c] = m[piv]; m[piv] = t;
            if (Math.abs(m[c][c]) < 1e-300) throw new ArithmeticException("singular system");
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
