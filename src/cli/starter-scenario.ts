/**
 * The commented starter scenario that `pensim init <file>` writes: YAML, every block explained,
 * the alternatives shown as comments. It validates as written (a test runs `pensim validate` on
 * it) and is close to scenarios/default.json, so its results are familiar.
 */
export const STARTER_SCENARIO = `# A pensim scenario: edit the values, then check and run it:
#   pensim validate THIS_FILE
#   pensim run THIS_FILE --format html --out report.html
# Amounts are yearly, in nominal NOK. Unknown fields are errors, so a typo never passes silently.
name: My pension scenario
description: An employee earning 650 000 NOK, OTP 5 % of pay, a 50/50 profile, payout from 67 over 10 years.

person:
  birthYear: 1990
  # sex: female              # male / female (used by later modules: mortality, hybrid pensions)
  startYear: 2026            # the first simulated year (or give startAge instead); 2010 or later
  retirementAge: 67          # the last contribution is paid in the year before this age; at most 75
  salary: 650000             # pay in the start year
  wageGrowth: 0.03           # a yearly rate, or { mean: 0.03, sd: 0.02 } for uncertain pay growth
  # careerBreaks:            # share of pay earned in those years (0 = unpaid leave)
  #   - { fromAge: 40, toAge: 40, payFactor: 0.8 }
  initialCapital: 0          # pension capital already saved

plan:
  kind: no-otp-dc            # Norwegian occupational defined contribution (innskuddspensjon, OTP)
  contribution:
    method: percent-of-pay   # or: tiered (rate to 7.1 G, upperRate 7.1-12 G), percent-of-basis, flat-amount
    rate: 0.05               # the law allows 2 % to 7 % of pay (plus up to 18.1 % between 7.1 G and 12 G)
  excludeFirstG: false       # true: contribute on pay above 1 G only

profile:
  assets:                    # arithmetic mean and standard deviation of each asset's yearly return
    - { name: equity, expectedReturn: 0.066, volatility: 0.16 }
    - { name: bond, expectedReturn: 0.038, volatility: 0.06 }
  correlation:               # of the log returns, one row per asset; identity if left out
    - [1, 0.1]
    - [0.1, 1]
  weights: { equity: 0.5, bond: 0.5 }   # fixed weights summing to 1, or a glide path instead:
  # glidePath:                          # weights by age, linear between the points, flat outside
  #   - { age: 55, weights: { equity: 1.0, bond: 0.0 } }
  #   - { age: 67, weights: { equity: 0.4, bond: 0.6 } }
  fees:
    managementRate: 0.0025   # a share of the capital, each year end
    perMember: 0             # a fixed amount, each year end

payout:
  # startAge: 67             # 62-75, at or after the retirement age (defaults to it)
  years: 10                  # at least 10, and not ending before 77
  method: { kind: level-annuity, technicalRate: 0.03 }   # or { kind: balance-over-remaining-years }

tax: { kind: norway, year: 2026, otherPensionIncome: 290000 }   # or { kind: flat, rate: 0.3 }

inflation: 0.02              # yearly price inflation, for amounts in today's money (pensim run --real)

simulation:
  paths: 20000
  seed: 1
  percentiles: [5, 10, 25, 50, 75, 90, 95]
  targetReplacementRatio: 0.15   # the report gives the probability of replacing less than this share of pay
`;
