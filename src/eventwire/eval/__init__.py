"""Accuracy measurement against public gold data: extraction and event coding."""

# Event-coding evaluation: gold adapters, metrics, evaluate(). Importing is cheap; spaCy loads
# only when coding starts. Re-exported with "as" so that no shared __all__ is needed.
from eventwire.eval.coding import code_gold as code_gold
from eventwire.eval.coding import evaluate as evaluate
from eventwire.eval.coding import gold_article as gold_article
from eventwire.eval.gold import GOLD_FORMATS as GOLD_FORMATS
from eventwire.eval.gold import GoldEvent as GoldEvent
from eventwire.eval.gold import GoldSentence as GoldSentence
from eventwire.eval.gold import GoldSet as GoldSet
from eventwire.eval.gold import load_gold as load_gold
from eventwire.eval.metrics import EvalReport as EvalReport
from eventwire.eval.metrics import PredictedEvent as PredictedEvent
from eventwire.eval.metrics import score as score
