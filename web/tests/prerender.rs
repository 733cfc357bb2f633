//! Pre-rendering, natively: every page renders, links stay relative to the app's root, each page
//! gets its `<base>`, title and description, and `404.html` sends a missing address to the
//! not-found page at the root it finds in the address.
#![cfg(feature = "ssr")]

use gradeladder_web::data::Site;
use gradeladder_web::prerender::{not_found_redirect, page_html, render, Page};
use gradeladder_web::route::{prerendered, Route};

/// The parts of `dist/index.html` (as trunk writes it) that pre-rendering fills in.
const TEMPLATE: &str = r#"<!doctype html><html><head><meta charset="utf-8" />
<base href="./" />
<meta name="description" content="Job grades, expectations, career ladders and pay ranges for every role." />
<title>Gradeladder</title>
</head><body><div id="app"><div class="gl-boot" role="status">Loading Gradeladder…</div></div></body></html>"#;

fn seeds() -> Site {
    Site::from(gradeladder_core::seeds::site())
}

fn rendered(route: &Route) -> Page {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    tokio::task::LocalSet::new().block_on(&runtime, render(&seeds(), route))
}

fn role(family: &str, level: &str) -> Route {
    Route::Role {
        family: family.to_owned(),
        level: level.to_owned(),
    }
}

#[test]
fn every_prerendered_page_has_its_heading_and_only_relative_links() {
    let routes = prerendered(&seeds().catalog);
    assert!(routes.contains(&Route::Home) && routes.contains(&Route::Grades));
    for route in routes {
        let page = rendered(&route);
        assert!(page.body.contains("<h1"), "{route:?} has no heading");
        assert!(
            !page.body.contains("href=\"/"),
            "{route:?} has a link from the host's root, which breaks under a sub-path"
        );
        assert!(page.styles.contains("data-gl-prerendered"), "{route:?}");
        assert!(
            !page.body.contains("x-yew-comp-state"),
            "no hydration state: the app renders afresh ({route:?})"
        );
    }
}

#[test]
fn a_role_page_carries_its_content_title_and_description_under_a_base_three_levels_up() {
    let page = rendered(&role("it-management", "manager-it"));
    assert_eq!(page.title, "Manager, IT · Gradeladder");
    assert!(page.body.contains("Manager, IT"));
    assert!(
        page.body.contains("<svg"),
        "the ladder is drawn in the HTML"
    );
    assert!(page.body.contains('$'), "the pay range is in the HTML");
    let html = page_html(TEMPLATE, &seeds(), &page).expect("page");
    assert!(html.contains(r#"<base href="../../../" />"#), "{html}");
    assert!(html.contains("<title>Manager, IT · Gradeladder</title>"));
    assert!(
        html.contains("job grade 8"),
        "the description names the grade"
    );
    assert!(html.contains(r#"data-prerendered="role/it-management/manager-it/""#));
    assert!(
        !html.contains("gl-boot"),
        "the spinner is replaced by the page"
    );
}

#[test]
fn the_home_page_keeps_the_base_of_the_root() {
    let html = page_html(TEMPLATE, &seeds(), &rendered(&Route::Home)).expect("page");
    assert!(html.contains(r#"<base href="./" />"#));
}

#[test]
fn the_404_page_names_nothing_relative_and_sends_the_address_to_the_not_found_page() {
    let html = not_found_redirect();
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "served at any depth, 404.html cannot name a file relative to itself"
    );
    assert!(
        html.contains("(role|compare)"),
        "the root is found before role/ or compare/"
    );
    assert!(html.contains(r#"root + "not-found/?address=""#), "{html}");
    assert!(prerendered(&seeds().catalog).contains(&Route::NotFound));
}

#[test]
fn a_template_without_a_place_for_the_page_is_an_error_naming_it() {
    let page = rendered(&Route::Grades);
    let error = page_html("<html><head></head><body></body></html>", &seeds(), &page).unwrap_err();
    assert!(error.contains("<base href"), "{error}");
}

#[test]
fn the_source_index_html_has_every_place_trunk_keeps_for_the_page() {
    let source = include_str!("../../index.html");
    for part in [
        "<base data-trunk-public-url />",
        "<title>Gradeladder</title>",
        r#"<div id="app"><div class="gl-boot" role="status">Loading Gradeladder…</div></div>"#,
        r#"<meta name="description" content="Job grades, expectations, career ladders and pay ranges for every role." />"#,
    ] {
        assert!(source.contains(part), "index.html lost `{part}`");
    }
}

/// A catalog of `pages` made-up pages in two folders, each with three levels at grades 7, 8, 9.
fn many_families(pages: usize) -> Site {
    let sources: Vec<gradeladder_core::parse::SourcePage> = (0..pages)
        .map(|p| gradeladder_core::parse::SourcePage {
            path: format!("{}/widgets-{p}.md", if p % 2 == 0 { "engineering" } else { "sales" }),
            text: format!(
                "---\ntitle: Widgets {p}\n---\n## Levels\n### Widget Engineer {p}\nThe Widget Engineer {p} is a grade 7.\n### Senior Widget Engineer {p}\nThe Senior Widget Engineer {p} is a grade 8.\n### Staff Widget Engineer {p}\nThe Staff Widget Engineer {p} is a grade 9.\n"
            ),
        })
        .collect();
    let catalog = gradeladder_core::parse::parse_catalog(&sources, &Default::default());
    Site::from(gradeladder_core::SiteData {
        title: "Widgets Inc".to_owned(),
        source: String::new(),
        catalog,
        pay: None,
    })
}

fn rendered_for(site: &Site, route: &Route) -> Page {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    tokio::task::LocalSet::new().block_on(&runtime, render(site, route))
}

#[test]
fn a_home_page_of_many_families_groups_them_by_folder_each_collapsed_with_its_count() {
    let site = many_families(20);
    let page = rendered_for(&site, &Route::Home);
    assert_eq!(page.body.matches("<details").count(), 20, "{}", page.body);
    assert!(page.body.contains(r#"<h3 class="folder">engineering</h3>"#));
    assert!(page.body.contains(r#"<h3 class="folder">sales</h3>"#));
    assert!(page.body.contains(" · 3 roles"));
    let few = rendered_for(&many_families(3), &Route::Home);
    assert!(!few.body.contains("<details"), "a few families show open");
}

#[test]
fn a_compact_grade_scale_names_a_few_roles_per_grade_the_current_one_first_and_counts_the_rest() {
    let site = many_families(10);
    let page = rendered_for(&site, &role("widgets-9", "senior-widget-engineer-9"));
    assert!(
        page.body.contains("and 4 more at grade 8"),
        "10 roles at grade 8, 6 named: {}",
        page.body
    );
    let scale = &page.body[page
        .body
        .find(r#"data-testid="grade-scale""#)
        .expect("scale")..];
    let current = scale
        .find("Senior Widget Engineer 9</a>")
        .expect("current named");
    let other = scale
        .find("Senior Widget Engineer 0</a>")
        .expect("another named");
    assert!(current < other, "the role shown comes first in its grade");
}

#[test]
fn pages_are_written_for_the_first_levels_up_to_the_cap_and_a_later_role_is_still_found() {
    use gradeladder_web::route::MAX_PRERENDERED_LEVELS;
    let site = many_families(700);
    let routes = prerendered(&site.catalog);
    let roles = routes
        .iter()
        .filter(|r| matches!(r, Route::Role { .. }))
        .count();
    assert_eq!(
        roles, MAX_PRERENDERED_LEVELS,
        "2,100 levels, pages for 2,000"
    );
    let late = role("widgets-699", "staff-widget-engineer-699");
    assert!(!routes.contains(&late));
    assert_eq!(
        Route::existing("role/widgets-699/staff-widget-engineer-699/", &site.catalog),
        Some(late)
    );
    assert_eq!(
        Route::existing("role/widgets-699/nobody/", &site.catalog),
        None
    );
    assert_eq!(
        Route::existing(
            "compare/widgets-1.widget-engineer-1/widgets-1.senior-widget-engineer-1/",
            &site.catalog
        ),
        Some(Route::Compare {
            a: "widgets-1.widget-engineer-1".to_owned(),
            b: "widgets-1.senior-widget-engineer-1".to_owned(),
        })
    );
    assert_eq!(Route::existing("grades/", &site.catalog), None);
}

/// One page of `levels` levels, each extending the one before (its page lists every item of the
/// levels below it).
fn one_long_page(levels: usize) -> Site {
    let mut text = String::from("---\ntitle: Widgets\n---\n## Levels\n");
    for i in 0..levels {
        text.push_str(&format!(
            "### Widget Level {i}\n#### Job Grade\nThe Widget Level {i} is a grade {}.\n\n",
            5 + i % 8
        ));
        if i > 0 {
            text.push_str(&format!(
                "#### Responsibilities\n- Extends the Widget Level {} responsibilities, plus:\n",
                i - 1
            ));
        } else {
            text.push_str("#### Responsibilities\n");
        }
        text.push_str(&format!("- Build widget {i}\n- Review widget {i}\n\n"));
    }
    let sources = vec![gradeladder_core::parse::SourcePage {
        path: "widgets.md".to_owned(),
        text,
    }];
    let catalog = gradeladder_core::parse::parse_catalog(&sources, &Default::default());
    Site::from(gradeladder_core::SiteData {
        title: "Widgets Inc".to_owned(),
        source: String::new(),
        catalog,
        pay: None,
    })
}

#[test]
fn pages_that_each_list_the_levels_below_stop_at_the_item_budget() {
    use gradeladder_web::route::{MAX_PRERENDERED_ITEMS, MAX_PRERENDERED_LEVELS};
    let site = one_long_page(1_500);
    let routes = prerendered(&site.catalog);
    let roles: Vec<&Route> = routes
        .iter()
        .filter(|r| matches!(r, Route::Role { .. }))
        .collect();
    assert!(
        roles.len() > 100 && roles.len() < MAX_PRERENDERED_LEVELS.min(1_500),
        "{} roles",
        roles.len()
    );
    // The pages written show at most the budget's items.
    let shown: usize = roles
        .iter()
        .map(|route| match route {
            Route::Role { family, level } => {
                let found = site
                    .catalog
                    .get(&gradeladder_core::LevelId::new(family, level))
                    .unwrap();
                gradeladder_core::expectations::expected_lists(found.family, found.level)
                    .iter()
                    .map(|l| l.items().count())
                    .sum::<usize>()
            }
            _ => 0,
        })
        .sum();
    assert!(shown <= MAX_PRERENDERED_ITEMS, "{shown}");
    let late = role("widgets", "widget-level-1499");
    assert!(!routes.contains(&late));
    assert_eq!(
        Route::existing("role/widgets/widget-level-1499/", &site.catalog),
        Some(late)
    );
}

#[test]
fn a_long_ladder_is_drawn_around_the_role_and_says_how_much_is_left_out() {
    let site = one_long_page(300);
    let page = rendered_for(&site, &role("widgets", "widget-level-150"));
    let nodes = page.body.matches("data-testid=\"ladder-node\"").count();
    assert!(nodes > 0 && nodes < 24, "{nodes} linked nodes drawn");
    assert!(
        page.body
            .contains("Drawn around this role: 24 of the family"),
        "{}",
        &page.body[..page.body.len().min(400)]
    );
}
