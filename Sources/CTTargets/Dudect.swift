#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Welch's t-test, updated one sample at a time (Welford's mean and sum of squared deviations),
/// as dudect's `t_push` / `t_compute`.
public struct WelchTTest: Sendable, Equatable {
    /// Samples per class.
    public private(set) var n: (Double, Double) = (0, 0)
    /// Running mean per class.
    public private(set) var mean: (Double, Double) = (0, 0)
    /// Running sum of squared deviations from the mean per class.
    public private(set) var m2: (Double, Double) = (0, 0)

    /// An empty test.
    public init() {}

    /// Adds sample `x` to class 0 or 1.
    public mutating func push(_ x: Double, class c: Int) {
        if c == 0 {
            n.0 += 1
            let d = x - mean.0
            mean.0 += d / n.0
            m2.0 += d * (x - mean.0)
        } else {
            n.1 += 1
            let d = x - mean.1
            mean.1 += d / n.1
            m2.1 += d * (x - mean.1)
        }
    }

    /// Sample variance of class `c` (m2 / (n − 1)).
    public func variance(_ c: Int) -> Double {
        c == 0 ? m2.0 / (n.0 - 1) : m2.1 / (n.1 - 1)
    }

    /// t = (mean0 − mean1) / sqrt(var0/n0 + var1/n1); 0 while either class has < 2 samples or
    /// both variances are 0.
    public var t: Double {
        guard n.0 >= 2, n.1 >= 2 else { return 0 }
        let den = (variance(0) / n.0 + variance(1) / n.1).squareRoot()
        return den > 0 ? (mean.0 - mean.1) / den : 0
    }

    /// Both classes' sample counts together.
    public var count: Int { Int(n.0 + n.1) }

    /// Equal when every accumulator is equal.
    public static func == (a: WelchTTest, b: WelchTTest) -> Bool {
        a.n == b.n && a.mean == b.mean && a.m2 == b.m2
    }
}

/// dudect (Reparaz, Balasch, Verbauwhede, "Dude, is my code constant time?", DATE 2017): time
/// the target on two input classes (fixed vs random, chosen at random per call), then run
/// Welch's t-test on all samples, on the samples under each of 100 cropping thresholds (the
/// quantiles 1 − 0.5^(10·(i+1)/100) of a first calibration batch), and a second-order test
/// on the squared distance to the class mean. The verdict is the largest |t| among the tests
/// with more than 10,000 samples in class 0.
public struct Dudect {
    /// Cropping thresholds (dudect's DUDECT_NUMBER_PERCENTILES).
    public static let percentileCount = 100
    /// A test counts once class 0 has more samples than this (DUDECT_ENOUGH_MEASUREMENTS).
    public static let enoughMeasurements = 10_000
    /// |t| at or above this fails a constant-time target (the TVLA threshold).
    public static let threshold = 4.5

    /// The quantile cropping threshold `i` (0-based) sits at.
    public static func cropQuantile(_ i: Int) -> Double {
        1 - pow(0.5, 10 * Double(i + 1) / Double(percentileCount))
    }

    /// dudect's thresholds from a calibration batch: element ⌊size · q_i⌋ of the sorted times.
    public static func percentiles(of samples: [Double]) -> [Double] {
        let sorted = samples.sorted()
        return (0..<percentileCount).map { i in
            sorted[min(sorted.count - 1, Int(Double(sorted.count) * cropQuantile(i)))]
        }
    }

    /// Test 0: uncropped; 1…100: cropped at `percentiles[i − 1]`; 101: second order.
    public private(set) var tests = [WelchTTest](repeating: WelchTTest(), count: Dudect.percentileCount + 2)
    /// The cropping thresholds in use.
    public let percentiles: [Double]

    /// A test set cropping at `percentiles` (from `percentiles(of:)` on a calibration batch).
    public init(percentiles: [Double]) {
        self.percentiles = percentiles
    }

    /// Adds one timing of class `c`, as dudect's `update_statistics`.
    public mutating func add(_ x: Double, class c: Int) {
        tests[0].push(x, class: c)
        for (i, p) in percentiles.enumerated() where x < p {
            tests[i + 1].push(x, class: c)
        }
        if tests[0].n.0 > Double(Self.enoughMeasurements) {
            let centered = x - (c == 0 ? tests[0].mean.0 : tests[0].mean.1)
            tests[Self.percentileCount + 1].push(centered * centered, class: c)
        }
    }

    /// The largest |t| among tests with enough samples, and which test it is (nil: none yet).
    public var maxT: (t: Double, test: Int)? {
        var best: (Double, Int)?
        for (i, test) in tests.enumerated() where test.n.0 > Double(Self.enoughMeasurements) {
            let t = abs(test.t)
            if best == nil || t > best!.0 { best = (t, i) }
        }
        return best
    }

    /// A test index in words: "uncropped", "crop p93.3", "2nd order".
    public static func describe(test i: Int) -> String {
        if i == 0 { return "uncropped" }
        if i > percentileCount { return "2nd order" }
        let q = cropQuantile(i - 1) * 100
        return "crop p" + String(Double(Int(q * 10)) / 10)
    }
}

/// One dudect run of a target.
public struct DudectResult: Sendable {
    /// The target's name.
    public let name: String
    /// Largest |t| over the tests with enough samples.
    public let maxT: Double
    /// The test that gave it (see `Dudect.describe(test:)`).
    public let test: Int
    /// Samples in the statistics (the calibration batch excluded).
    public let measurements: Int
    /// Mean time per call of each class in nanoseconds (uncropped).
    public let meanNanoseconds: (Double, Double)
    /// Wall-clock seconds of the run.
    public let seconds: Double
}

/// Runs dudect on targets with a monotonic nanosecond clock.
public enum DudectRunner {
    /// Calls per batch: inputs are prepared for a whole batch, then timed one by one.
    public static let batchSize = 10_000
    /// The fewest timed calls of a target with a `measurementDivisor` above 1: enough for more
    /// than `Dudect.enoughMeasurements` samples in class 0.
    public static let minimumSlowMeasurements = 24_000

    /// Timed calls of `target` when `measurements` are asked for (the divisor applied).
    public static func measurements(for target: CTTarget, asked measurements: Int) -> Int {
        target.measurementDivisor == 1
            ? measurements : max(minimumSlowMeasurements, measurements / target.measurementDivisor)
    }

    /// Calls per batch (the calibration batch included) for `target`: `batchSize` divided by its
    /// `measurementDivisor`, at least 1,000.
    public static func batchSize(for target: CTTarget) -> Int {
        max(1_000, batchSize / target.measurementDivisor)
    }

    /// Nanoseconds from CLOCK_MONOTONIC_RAW (not rdtsc: Swift has no inline assembly and
    /// confrun takes no C target; vDSO-backed, about 20 ns per read, 1 ns resolution).
    @inline(__always)
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC_RAW, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Times `target` `measurements` times (divided by its `measurementDivisor`, see
    /// `measurements(for:asked:)`), plus one calibration batch for the thresholds. A target with
    /// a `prepare` step has it run, untimed, just before each timed call.
    public static func run(_ target: CTTarget, measurements asked: Int, seed: UInt64? = nil) -> DudectResult {
        let measurements = Self.measurements(for: target, asked: asked)
        let batchSize = Self.batchSize(for: target)
        var rng = CTRandom(seed: seed)
        let length = target.fixedInput.count
        let start = now()
        var sink: UInt8 = 0
        var inputs = [UInt8](repeating: 0, count: batchSize * length)
        var classes = [Int](repeating: 0, count: batchSize)
        var times = [Double](repeating: 0, count: batchSize)

        func batch(_ count: Int) {
            for i in 0..<count {
                let c = Int(rng.next() & 1)
                classes[i] = c
                let input = c == 0 ? target.fixedInput : target.randomInput(&rng)
                precondition(input.count == length, "\(target.name): class-1 input of the wrong length")
                inputs.withUnsafeMutableBytes {
                    ($0.baseAddress! + i * length).copyMemory(from: input, byteCount: length)
                }
            }
            target.withVariant {
                inputs.withUnsafeBytes { all in
                    if let prepare = target.prepare {
                        // The preparation runs for every call of both classes, untimed.
                        for i in 0..<count {
                            let slice = UnsafeRawBufferPointer(rebasing: all[(i * length)..<((i + 1) * length)])
                            let operation = prepare(slice)
                            let t0 = now()
                            let out = operation()
                            let t1 = now()
                            times[i] = Double(t1 &- t0)
                            sink ^= out.first ?? 0
                        }
                        return
                    }
                    for i in 0..<count {
                        let slice = UnsafeRawBufferPointer(rebasing: all[(i * length)..<((i + 1) * length)])
                        let t0 = now()
                        let out = target.run(slice)
                        let t1 = now()
                        times[i] = Double(t1 &- t0)
                        sink ^= out.first ?? 0
                    }
                }
            }
        }

        batch(batchSize)
        var dudect = Dudect(percentiles: Dudect.percentiles(of: times))
        var done = 0
        while done < measurements {
            let n = min(batchSize, measurements - done)
            batch(n)
            // dudect drops the first samples of each batch (warm-up).
            for i in min(10, n)..<n { dudect.add(times[i], class: classes[i]) }
            done += n
        }
        let best = dudect.maxT ?? (abs(dudect.tests[0].t), 0)
        let seconds = Double(now() &- start) / 1e9
        if sink == 0x5A && seconds < 0 { print(sink) }  // keeps the outputs alive
        return DudectResult(
            name: target.name, maxT: best.t, test: best.test, measurements: dudect.tests[0].count,
            meanNanoseconds: dudect.tests[0].mean, seconds: seconds)
    }
}
