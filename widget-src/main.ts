// Widget entry point: defines <entity-score-card> and starts the bootstrap.
import './elements/score-card.js';
import { start } from './bootstrap/start.js';

start();
