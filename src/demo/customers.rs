//! Customers and their company names.

use super::*;

/// Customers while deals are generated: deals may move a customer's creation date
/// earlier, and titles use the short brand name.
pub(super) struct Book {
    pub(super) customers: Vec<Customer>,
    pub(super) brands: Vec<String>,
    pub(super) domains: Vec<String>,
}

const ZONES: [&str; 5] = ["高新区", "经济开发区", "工业园区", "新城区", "科技园"];
const ROADS: [&str; 12] = [
    "建设路",
    "人民路",
    "中山路",
    "解放路",
    "长江路",
    "科技路",
    "创业路",
    "工业大道",
    "滨江路",
    "新华路",
    "金桥路",
    "发展大道",
];
const CUSTOMER_NOTES: [&str; 6] = [
    "年度IT预算较为充足。",
    "老板重视数字化转型，亲自参与选型。",
    "采购流程较长，需要提前布局。",
    "竞争对手已在部分车间试用。",
    "由集团总部统一采购，需要对接总部IT。",
    "财务总监是关键决策人。",
];

pub(super) fn gen_customers(
    rng: &mut Rng,
    counts: &Counts,
    team: &TeamFile,
    sources: &[SourceRef],
    today: NaiveDate,
) -> Book {
    let sellers = sellers(&team.members);
    let mut names = NamePicker::default();
    let mut book = Book {
        customers: Vec::with_capacity(counts.customers),
        brands: Vec::with_capacity(counts.customers),
        domains: Vec::with_capacity(counts.customers),
    };
    for i in 0..counts.customers {
        // Round-robin owners, so every seller has accounts.
        let owner = team
            .members
            .get(sellers[i % sellers.len()])
            .expect("seller exists");
        let region = REGIONS.iter().position(|r| *r == owner.region).unwrap_or(0);
        let name = names.pick(rng, region);
        let (customer, brand, domain) = gen_customer(rng, i, &name, owner, sources, today);
        book.customers.push(customer);
        book.brands.push(brand);
        book.domains.push(domain);
    }
    book
}

/// Draws company names at random and never hands out the same one twice.
#[derive(Default)]
struct NamePicker {
    used: std::collections::HashSet<(usize, usize, usize, usize, usize)>,
    branches: u64,
}

impl NamePicker {
    fn pick(&mut self, rng: &mut Rng, region: usize) -> CompanyName {
        for _ in 0..NAME_TRIES {
            let name = CompanyName::random(rng, region);
            if self.used.insert(name.key()) {
                return name;
            }
        }
        // Only a huge workspace gets here: a numbered branch (分公司) is unique anyway.
        self.branches += 1;
        CompanyName {
            branch: self.branches,
            ..CompanyName::random(rng, region)
        }
    }
}

/// The parts of a company name: city, brand (字号) and industry suffix.
struct CompanyName {
    city: usize,
    first: usize,
    second: usize,
    industry: usize,
    region: usize,
    /// Non-zero for a numbered branch (分公司), once plain names run short.
    branch: u64,
}

impl CompanyName {
    fn random(rng: &mut Rng, region: usize) -> CompanyName {
        CompanyName {
            city: rng.below(CITIES[region].len() as u64) as usize,
            first: rng.below(BRAND_FIRST.len() as u64) as usize,
            second: rng.below(BRAND_SECOND.len() as u64) as usize,
            industry: rng.below(INDUSTRIES.len() as u64) as usize,
            region,
            branch: 0,
        }
    }
    fn key(&self) -> (usize, usize, usize, usize, usize) {
        (
            self.region,
            self.city,
            self.first,
            self.second,
            self.industry,
        )
    }
    fn brand(&self) -> String {
        format!(
            "{}{}",
            BRAND_FIRST[self.first].0, BRAND_SECOND[self.second].0
        )
    }
    fn full(&self) -> String {
        let city = CITIES[self.region][self.city].0;
        let suffix = INDUSTRIES[self.industry].suffix;
        if self.branch == 0 {
            format!("{city}{}{suffix}", self.brand())
        } else {
            format!("{city}{}{suffix}第{}分公司", self.brand(), self.branch)
        }
    }
    fn domain(&self) -> String {
        format!(
            "{}{}{}.com.cn",
            BRAND_FIRST[self.first].1, BRAND_SECOND[self.second].1, INDUSTRIES[self.industry].tag
        )
    }
}

fn gen_customer(
    rng: &mut Rng,
    i: usize,
    name: &CompanyName,
    owner: &Member,
    sources: &[SourceRef],
    today: NaiveDate,
) -> (Customer, String, String) {
    let (city, area_code) = CITIES[name.region][name.city];
    let industry = &INDUSTRIES[name.industry];
    let domain = name.domain();
    let customer = Customer {
        id: CustomerId(i as u64 + 1),
        name: name.full(),
        industry: industry.name.into(),
        region: owner.region.clone(),
        segment: Some(SegmentId(industry.segment as u64 + 1)),
        owner: Some(owner.id),
        phone: format!("{area_code}-{}", rng.range(20_000_000, 89_999_999)),
        email: format!(
            "{}@{domain}",
            rng.pick(&["info", "sales", "contact", "service"])
        ),
        address: format!(
            "{city}市{}{}{}号",
            rng.pick(&ZONES),
            rng.pick(&ROADS),
            rng.range(1, 999)
        ),
        source: Some(*rng.pick(sources)),
        // Created 1–18 months ago; a deal may move this earlier.
        created: add_days(today, -rng.range(30, 540)),
        annual_potential: yuan(rng.range(20, 500) * 10_000),
        notes: if rng.chance(30) {
            rng.pick(&CUSTOMER_NOTES).to_string()
        } else {
            String::new()
        },
    };
    (customer, name.brand(), domain)
}
