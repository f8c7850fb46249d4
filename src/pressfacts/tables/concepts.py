"""Metric names -> US-GAAP XBRL elements, where the mapping is clear.

Only as-reported figures get a concept: an adjusted (non-GAAP) figure has no
US-GAAP element. Keys are the snake_case metric names `labels` produces.
"""

from __future__ import annotations

CONCEPTS: dict[str, str] = {
    # headline metrics
    "revenue": "us-gaap:Revenues",
    "net_income": "us-gaap:NetIncomeLoss",
    "operating_income": "us-gaap:OperatingIncomeLoss",
    "eps_basic": "us-gaap:EarningsPerShareBasic",
    "eps_diluted": "us-gaap:EarningsPerShareDiluted",
    "eps": "us-gaap:EarningsPerShareBasicAndDiluted",
    # income statement lines
    "cost_of_revenue": "us-gaap:CostOfRevenue",
    "cost_of_revenues": "us-gaap:CostOfRevenue",
    "total_cost_of_revenue": "us-gaap:CostOfRevenue",
    "cost_of_sales": "us-gaap:CostOfGoodsAndServicesSold",
    "cost_of_goods_sold": "us-gaap:CostOfGoodsAndServicesSold",
    "gross_profit": "us-gaap:GrossProfit",
    "gross_margin": "us-gaap:GrossProfit",
    "research_and_development": "us-gaap:ResearchAndDevelopmentExpense",
    "research_and_development_expenses": "us-gaap:ResearchAndDevelopmentExpense",
    "selling_general_and_administrative": "us-gaap:SellingGeneralAndAdministrativeExpense",
    "sales_general_and_administrative": "us-gaap:SellingGeneralAndAdministrativeExpense",
    "general_and_administrative": "us-gaap:GeneralAndAdministrativeExpense",
    "sales_and_marketing": "us-gaap:SellingAndMarketingExpense",
    "total_operating_expenses": "us-gaap:OperatingExpenses",
    "operating_expenses": "us-gaap:OperatingExpenses",
    "total_costs_and_expenses": "us-gaap:CostsAndExpenses",
    "interest_expense": "us-gaap:InterestExpense",
    "interest_income": "us-gaap:InvestmentIncomeInterest",
    "income_before_income_taxes": (
        "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    ),
    "provision_for_income_taxes": "us-gaap:IncomeTaxExpenseBenefit",
    "income_tax_expense": "us-gaap:IncomeTaxExpenseBenefit",
    "income_tax_expense_benefit": "us-gaap:IncomeTaxExpenseBenefit",
    "income_tax_benefit_expense": "us-gaap:IncomeTaxExpenseBenefit",
    "income_taxes": "us-gaap:IncomeTaxExpenseBenefit",
    "net_income_including_noncontrolling_interest": "us-gaap:ProfitLoss",
    "net_income_attributable_to_noncontrolling_interest": (
        "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"
    ),
    "net_income_available_to_common": "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic",
    "income_from_continuing_operations": "us-gaap:IncomeLossFromContinuingOperations",
    "depreciation_and_amortization": "us-gaap:DepreciationDepletionAndAmortization",
    "stock_based_compensation": "us-gaap:ShareBasedCompensation",
    "stock_based_compensation_expense": "us-gaap:ShareBasedCompensation",
    # per share and shares
    "dividends_per_share": "us-gaap:CommonStockDividendsPerShareDeclared",
    "weighted_average_shares_basic": "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
    "weighted_average_shares_diluted": "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
    # balance sheet
    "total_assets": "us-gaap:Assets",
    "total_current_assets": "us-gaap:AssetsCurrent",
    "total_liabilities": "us-gaap:Liabilities",
    "total_current_liabilities": "us-gaap:LiabilitiesCurrent",
    "cash_and_cash_equivalents": "us-gaap:CashAndCashEquivalentsAtCarryingValue",
    "inventories": "us-gaap:InventoryNet",
    "inventory": "us-gaap:InventoryNet",
    "goodwill": "us-gaap:Goodwill",
    "accounts_receivable_net": "us-gaap:AccountsReceivableNetCurrent",
    "accounts_payable": "us-gaap:AccountsPayableCurrent",
    "long_term_debt": "us-gaap:LongTermDebtNoncurrent",
    "total_stockholders_equity": "us-gaap:StockholdersEquity",
    "total_shareholders_equity": "us-gaap:StockholdersEquity",
    "total_liabilities_and_stockholders_equity": "us-gaap:LiabilitiesAndStockholdersEquity",
    "total_liabilities_and_shareholders_equity": "us-gaap:LiabilitiesAndStockholdersEquity",
    "retained_earnings": "us-gaap:RetainedEarningsAccumulatedDeficit",
    # cash flow
    "net_cash_provided_by_operating_activities": "us-gaap:NetCashProvidedByUsedInOperatingActivities",
    "net_cash_used_in_investing_activities": "us-gaap:NetCashProvidedByUsedInInvestingActivities",
    "net_cash_used_in_financing_activities": "us-gaap:NetCashProvidedByUsedInFinancingActivities",
}


def concept_of(metric: str) -> str | None:
    return CONCEPTS.get(metric)
