"""Sample content, loaded only on request (`symptomdb demo load`): one sample author, clearly marked as
such, and one article on opsoclonus-myoclonus syndrome (ORPHA:1183) in the project's own words.

Every clinical statement restates what the open data record for this condition, and cites it:
the HPO annotations (whose source for ORPHA:1183 is the Orphanet record, evidence TAS) and the MAxO
diagnostic and medical-action annotations. `CLAIMS` lists the statements so that a test can check
each one against the imported data. Note: for this condition neither the HPO annotations nor MAxO
cite a PubMed id, so the article cites the Orphanet record and the data releases instead.
"""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import Account, Article, ArticleEvent, AuthorProfile
from symptomdb.editorial import accounts
from symptomdb.editorial.articles import _add_revision, _log
from symptomdb.editorial.common import utcnow
from symptomdb.editorial.errors import InvalidInput
from symptomdb.editorial.references import citation_problems, parse_references
from symptomdb.knowledge.store import Knowledge

CONDITION_ID = "ORPHA:1183"
SAMPLE_EMAIL = "sample.author@example.org"
SAMPLE_NAME = "Sample Author (example account)"

# (HPO id, frequency term) for each feature the article names, as the HPO annotations state it.
VERY_FREQUENT = "HP:0040281"
FREQUENT = "HP:0040282"
OCCASIONAL = "HP:0040283"
CLAIMS: list[tuple[str, str]] = [
    ("HP:0010543", VERY_FREQUENT),  # opsoclonus
    ("HP:0000570", VERY_FREQUENT),  # abnormal saccadic eye movements
    ("HP:0001336", VERY_FREQUENT),  # myoclonus
    ("HP:0001251", VERY_FREQUENT),  # ataxia
    ("HP:0002360", VERY_FREQUENT),  # sleep abnormality
    ("HP:0000737", FREQUENT),  # irritability
    ("HP:0000708", FREQUENT),  # atypical behavior
    ("HP:0100543", FREQUENT),  # cognitive impairment
    ("HP:0002321", FREQUENT),  # vertigo
    ("HP:0045084", FREQUENT),  # limb myoclonus
    ("HP:5000002", FREQUENT),  # anti-amphiphysin antibody
    ("HP:0002664", FREQUENT),  # neoplasm
    ("HP:0003006", FREQUENT),  # neuroblastoma
    ("HP:0001298", OCCASIONAL),  # encephalopathy
    ("HP:0002063", OCCASIONAL),  # rigidity
    ("HP:0030057", OCCASIONAL),  # autoimmune antibody positivity
    ("HP:0031035", OCCASIONAL),  # chronic infection
    ("HP:0030357", OCCASIONAL),  # small cell lung carcinoma
    ("HP:0100526", OCCASIONAL),  # neoplasm of the lung
    ("HP:0003002", OCCASIONAL),  # breast carcinoma
    ("HP:0012226", OCCASIONAL),  # ovarian teratoma
    ("HP:0002861", OCCASIONAL),  # melanoma
]
# (HPO id, MAxO procedure) for each "observed through" statement, as the MAxO diagnostic data state it.
DIAGNOSTIC_CLAIMS: list[tuple[str, str]] = [
    ("HP:0010543", "MAXO:0000703"),  # opsoclonus: ophthalmologist evaluation
    ("HP:0000570", "MAXO:0000703"),  # abnormal saccadic eye movements: ophthalmologist evaluation
    ("HP:0001251", "MAXO:0000716"),  # ataxia: neurologist evaluation
    ("HP:0001336", "MAXO:0000716"),  # myoclonus: neurologist evaluation
    ("HP:0002360", "MAXO:0000912"),  # sleep abnormality: assessment for sleep disturbance
    ("HP:0003006", "MAXO:0000691"),  # neuroblastoma: medical oncologist evaluation
]
# The record the HPO annotations cite for every feature above.
ANNOTATION_SOURCE = "ORPHA:1183"

TITLE = "Opsoclonus-myoclonus syndrome: what the open data record (sample article)"
SUMMARY = (
    "A sample article that shows how authored content looks. It restates, in plain words, only what the "
    "HPO and MAxO annotations record for this condition."
)
BODY = """> **Sample content.** The symptomdb project wrote this article to show how authored articles look. \
Its author is a sample account, not a real clinician, and it is not medical advice.

Opsoclonus-myoclonus syndrome (ORPHA:1183) is a rare neurological condition. This overview restates, \
in plain words, what the open data used by this site record about it, and cites where each statement \
comes from.

## Symptoms

The sources list five features as very frequent, that is, present in 80–99% of people with the \
condition [1][2]:

- **opsoclonus**: bursts of large, fast eye movements in many directions, with no pause between them;
- other **abnormal fast (saccadic) eye movements**;
- **myoclonus**: very brief, involuntary jerks of muscles;
- **ataxia**: poor coordination of movement;
- **disturbed sleep**.

Frequent features (30–79%) are irritability, changes in behaviour, problems with thinking and memory \
(cognitive impairment), dizziness (vertigo), jerks of the arms and legs (limb myoclonus) and antibodies \
against amphiphysin [1][2]. A tumour is also frequent, in particular neuroblastoma, a tumour of \
developing nerve cells [1][2].

Occasional features (5–29%) are encephalopathy, muscle rigidity, other autoantibodies, long-lasting \
infection, and tumours: small cell lung cancer and other lung tumours, breast cancer, ovarian teratoma \
and melanoma [1][2].

## Diagnosis

The MAxO diagnostic annotations record how several of these features are observed: opsoclonus and the \
other abnormal eye movements through an ophthalmologist's evaluation, ataxia and myoclonus through a \
neurologist's evaluation, disturbed sleep through an assessment for sleep disturbance, and \
neuroblastoma through a medical oncologist's evaluation [3].

## Treatment options

The curated medical-action data this site uses (MAxO annotations) have no entries for this condition \
yet [4], so this sample article names no treatment. Decisions about treatment belong with the \
specialists caring for the person.

## Prognosis and ongoing research

The HPO annotations used here record nothing about the course or outlook of this condition [2]. The \
condition page links to searches of ClinicalTrials.gov and PubMed for current research.

## Support groups

GARD, the NIH Genetic and Rare Diseases Information Center, publishes patient information about this \
condition [5]; the condition page also links to NORD, the National Organization for Rare Disorders.

## Conclusion

The open data describe opsoclonus-myoclonus syndrome mainly through its eye-movement, movement and \
sleep features, and through its frequent association with tumours such as neuroblastoma [1][2]. Anyone \
worried about these symptoms should talk to a qualified health professional."""


class DemoReport(BaseModel):
    loaded: bool
    article_id: int
    account_id: int
    message: str


def _release_version(knowledge: Knowledge | None, source: str) -> str:
    if knowledge is None:
        return ""
    release = knowledge.release(source)
    return f", release {release.version}" if release else ""


def references(knowledge: Knowledge | None = None) -> str:
    hpo = _release_version(knowledge, "hpo")
    diagnostic = _release_version(knowledge, "maxo-diagnostic")
    maxo = _release_version(knowledge, "maxo")
    return "\n".join(
        [
            f"{ANNOTATION_SOURCE} Orphanet: Opsoclonus-myoclonus syndrome. The source the HPO annotations "
            "cite for every feature named here (evidence: traceable author statement).",
            "https://github.com/obophenotype/human-phenotype-ontology/releases Human Phenotype Ontology "
            f"disease annotations (phenotype.hpoa){hpo}: the features of ORPHA:1183 and their frequency.",
            "https://github.com/monarch-initiative/maxo-annotations/tree/master/data/poet MAxO diagnostic "
            f"annotations{diagnostic}: procedures through which a finding is observed.",
            "https://github.com/monarch-initiative/maxo-annotations Medical Action Ontology (MAxO) "
            f"annotations{maxo}: treatments and other medical actions per disease.",
            "https://rarediseases.info.nih.gov/diseases/10009/index GARD: Opsoclonus-myoclonus syndrome "
            "(GARD:0010009).",
        ]
    )


def load_demo(session: Session, knowledge: Knowledge | None = None) -> DemoReport:
    """Add the sample author and article (once; loading again changes nothing)."""
    if knowledge is not None and knowledge.normalise_condition_id(CONDITION_ID) != CONDITION_ID:
        raise InvalidInput(f"The knowledge base has no {CONDITION_ID}; import the data first.")
    account = session.scalar(select(Account).where(Account.email == SAMPLE_EMAIL))
    if account is not None:
        article_id = session.scalar(select(Article.id).where(Article.author_id == account.id)) or 0
        return DemoReport(
            loaded=False,
            article_id=article_id,
            account_id=account.id,
            message="The sample content is already loaded.",
        )
    created = accounts.create_account(session, SAMPLE_EMAIL, SAMPLE_NAME, None, "author", is_sample=True)
    profile = session.get(AuthorProfile, created.id)
    assert profile is not None
    profile.display_name = "Sample Author"
    profile.credentials = "sample account, not a clinician"
    profile.specialty = "Example profile"
    profile.affiliation = "symptomdb demo content"
    profile.bio = (
        "This is a sample account made by `symptomdb demo load` to show how author profiles and articles "
        "look. It is not a real person and cannot sign in."
    )
    refs = references(knowledge)
    problems = citation_problems(BODY, parse_references(refs))
    if problems:  # a guard for whoever edits the text above
        raise InvalidInput("The sample article is not publishable: " + " ".join(problems))
    now = utcnow()
    article = Article(
        condition_id=CONDITION_ID,
        author_id=created.id,
        title=TITLE,
        summary=SUMMARY,
        body=BODY,
        references=refs,
        status="published",
        version=1,
        published_revision=1,
        last_reviewed=now.date(),
        created_at=now,
        updated_at=now,
        published_at=now,
    )
    session.add(article)
    session.flush()
    _add_revision(session, article, None, "Sample content")
    _log(session, article, None, "published", "Sample content loaded by `symptomdb demo load`.")
    session.flush()
    return DemoReport(
        loaded=True,
        article_id=article.id,
        account_id=created.id,
        message="Loaded the sample author and article.",
    )


def remove_demo(session: Session) -> bool:
    """Delete the sample author and everything attached to them."""
    account = session.scalar(
        select(Account).where(Account.email == SAMPLE_EMAIL, Account.is_sample.is_(True))
    )
    if account is None:
        return False
    ids = list(session.scalars(select(Article.id).where(Article.author_id == account.id)))
    if ids:
        session.execute(delete(ArticleEvent).where(ArticleEvent.article_id.in_(ids)))
        session.execute(delete(Article).where(Article.id.in_(ids)))
    session.delete(account)
    session.flush()
    return True
