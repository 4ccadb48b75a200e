"""The map: events at the places statements name, placed with the offline gazetteer."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ...api import Faultlines
from ..places import locate
from ..schemas import PlacesOut
from ..web import database, render

router = APIRouter()


def places_data(db: Faultlines) -> dict:
    by_place: dict[str, list[dict]] = {}
    for s in db.statements():
        if s["place"]:
            by_place.setdefault(s["place"], []).append({
                "article_id": s["article_id"], "start": s["start"], "type": s["type"], "status": s["status"],
                "date": s["date"] or s["published"], "source": s["source"], "target": s["target"],
                "sentence": s["sentence"],
            })
    placed, unplaced = [], []
    for found in locate(by_place):
        town = found.town
        row = {"name": found.name, "lat": town.lat if town else None, "lon": town.lon if town else None,
               "gazetteer_name": town.name if town else None, "country": town.country if town else None,
               "approximate": found.approximate, "events": by_place[found.name]}
        (placed if town else unplaced).append(row)
    key = lambda row: (-len(row["events"]), row["name"])  # noqa: E731
    return {"placed": sorted(placed, key=key), "unplaced": sorted(unplaced, key=key)}


@router.get("/api/places", response_model=PlacesOut, tags=["map"],
            summary="Places statements name, with coordinates where the gazetteer has them, and their events")
def api_places(db: Faultlines = Depends(database)):
    return places_data(db)


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, db: Faultlines = Depends(database)):
    return render(request, "map.html", active="map", data=places_data(db))
